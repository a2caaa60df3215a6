/**
 * Typed access to the extension's strings (public/_locales). Keys come from the English file, so a
 * missing key is a type error; a unit test checks that every locale has every key.
 */
import type english from '../../public/_locales/en/messages.json';

export type MessageKey = keyof typeof english;
export type Translate = (key: MessageKey, ...substitutions: string[]) => string;

export function createTranslate(getMessage: (key: string, substitutions?: string[]) => string): Translate {
  // An empty answer means a missing key: show the key rather than a blank screen.
  return (key, ...substitutions) => getMessage(key, substitutions) || key;
}
