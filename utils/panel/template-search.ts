/**
 * Template search (F6): by name and text, ignoring case and accents, so an agent typing
 * "saudacao" finds "Saudação" (issue 5). Every word typed must appear, in any order.
 */
import type { TemplateInput } from '../templates/types';

const COMBINING_MARKS = /\p{M}/gu;

/** Text as search compares it: decomposed (NFD), its accents dropped, lowercased. */
export function searchKey(text: string): string {
  return text.normalize('NFD').replace(COMBINING_MARKS, '').toLowerCase();
}

/** What a template is searched by, computed once per list rather than per keystroke. */
export const templateSearchKey = ({ name, body }: TemplateInput) => searchKey(`${name}\n${body}`);

export function searchWords(query: string): string[] {
  return searchKey(query).split(/\s+/u).filter((word) => word !== '');
}

export function matchesWords(key: string, words: readonly string[]): boolean {
  return words.every((word) => key.includes(word));
}
