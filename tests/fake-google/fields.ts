/**
 * Google's partial-response `fields` parameter: `a,b/c,d(e,f(g))`. A selection keeps the named
 * keys of an object; on an array it applies to every element; `a/b` is shorthand for `a(b)`.
 * A syntax error answers 400 like Google does, so a client with a broken mask finds out.
 */
import type { JsonObject, JsonValue } from './resources.ts';

/** name → nested selection (null = the whole value). */
export type FieldMask = Map<string, FieldMask | null>;

export class FieldMaskError extends Error {}

function merge(into: FieldMask, name: string, sub: FieldMask | null): void {
  if (!into.has(name)) {
    into.set(name, sub);
    return;
  }
  const existing = into.get(name) ?? null;
  if (existing === null || sub === null) {
    into.set(name, null);
    return;
  }
  for (const [key, value] of sub) merge(existing, key, value);
}

export function parseFieldMask(text: string): FieldMask {
  let pos = 0;
  const fail = (): never => {
    throw new FieldMaskError(`Invalid field selection ${text.slice(pos) || text}`);
  };
  const parseName = (): string => {
    const match = /^[A-Za-z_][A-Za-z0-9_]*|^\*/.exec(text.slice(pos));
    if (match === null) return fail();
    pos += match[0].length;
    return match[0];
  };
  // path ('/' path)* ['(' list ')']
  const parseSelection = (into: FieldMask): void => {
    const name = parseName();
    let sub: FieldMask | null = null;
    if (text[pos] === '/') {
      pos++;
      sub = new Map();
      parseSelection(sub);
    } else if (text[pos] === '(') {
      pos++;
      sub = parseList(')');
      if (text[pos] !== ')') fail();
      pos++;
    }
    merge(into, name, sub);
  };
  const parseList = (closer: ')' | null): FieldMask => {
    const mask: FieldMask = new Map();
    for (;;) {
      parseSelection(mask);
      if (text[pos] === ',') {
        pos++;
        continue;
      }
      if (closer === null ? pos === text.length : text[pos] === closer) return mask;
      return fail();
    }
  };
  if (text.trim() === '') fail();
  return parseList(null);
}

export function applyFieldMask(value: JsonValue, mask: FieldMask): JsonValue {
  if (Array.isArray(value)) return value.map((item) => applyFieldMask(item, mask));
  if (value === null || typeof value !== 'object') return value;
  if (mask.has('*')) return value;
  const result: JsonObject = {};
  for (const [key, child] of Object.entries(value)) {
    if (!mask.has(key)) continue;
    const sub = mask.get(key);
    result[key] = sub === null || sub === undefined ? child : applyFieldMask(child, sub);
  }
  return result;
}
