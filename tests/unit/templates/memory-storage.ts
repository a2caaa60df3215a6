/**
 * chrome.storage areas in memory, enforcing sync's quotas the way Chrome does
 * (extensions/browser/api/storage/settings_storage_quota_enforcer.cc): an item's size is its key's
 * bytes plus base::JSONWriter's UTF-8 serialization of its value; a set() checks each item, then
 * the total, then the count, and writes all or nothing. onChanged fires for values that changed.
 * Written apart from sync-layout.ts's estimate, so the tests check that estimate against it.
 */
import type { StorageAreaLike } from '../../../utils/templates/store';

export interface Quota {
  bytes: number;
  bytesPerItem: number;
  items: number;
}

export const CHROME_SYNC_QUOTA: Quota = { bytes: 102_400, bytesPerItem: 8_192, items: 512 };

type Listener = (changes: Record<string, { oldValue?: unknown; newValue?: unknown }>, areaName: string) => void;

export function changeHub() {
  const listeners = new Set<Listener>();
  return {
    addListener: (listener: Listener) => void listeners.add(listener),
    removeListener: (listener: Listener) => void listeners.delete(listener),
    emit: (changes: Parameters<Listener>[0], areaName: string) => listeners.forEach((listener) => listener(changes, areaName)),
  };
}
export type ChangeHub = ReturnType<typeof changeHub>;

const SHORT_ESCAPES: Record<string, string> = { '\b': '\\b', '\f': '\\f', '\n': '\\n', '\r': '\\r', '\t': '\\t', '\\': '\\\\', '"': '\\"' };

// base/json/string_escape.cc: '<', U+2028, U+2029 and control characters as \uXXXX, a lone
// surrogate as U+FFFD, everything else as itself.
function chromeString(text: string): string {
  let out = '"';
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    if (Object.hasOwn(SHORT_ESCAPES, char)) out += SHORT_ESCAPES[char];
    else if (char === '<' || code === 0x2028 || code === 0x2029 || code < 0x20) out += `\\u${code.toString(16).toUpperCase().padStart(4, '0')}`;
    else if (code >= 0xd800 && code <= 0xdfff) out += '\ufffd';
    else out += char;
  }
  return `${out}"`;
}

// A JS number outside int32 becomes a double, which JSONWriter writes with ".0" when integral.
function chromeJson(value: unknown): string {
  if (typeof value === 'string') return chromeString(value);
  if (typeof value === 'number' && Number.isInteger(value) && (value >= 2 ** 31 || value < -(2 ** 31))) return `${value}.0`;
  if (Array.isArray(value)) return `[${value.map(chromeJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    return `{${Object.entries(value).map(([key, field]) => `${chromeString(key)}:${chromeJson(field)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

const encoder = new TextEncoder();
export const chromeItemBytes = (key: string, value: unknown) => encoder.encode(key).length + encoder.encode(chromeJson(value)).length;

export interface MemoryArea extends StorageAreaLike {
  items: Map<string, unknown>;
  /** set() and remove() calls, each one write operation for Chrome's rate quotas. */
  writes: number;
  /** Rejects the next calls of `operation` with `message` while it returns one. */
  fault: (operation: 'get' | 'set' | 'remove') => string | undefined;
  bytesInUse(): number;
}

const copy = (value: unknown): unknown => JSON.parse(JSON.stringify(value));

export function memoryArea(areaName: string, hub: ChangeHub, quota: Quota | null = null): MemoryArea {
  const items = new Map<string, unknown>();
  const total = (entries: Iterable<[string, unknown]>) => [...entries].reduce((sum, [key, value]) => sum + chromeItemBytes(key, value), 0);
  const failIf = (operation: 'get' | 'set' | 'remove') => {
    const message = area.fault(operation);
    if (message !== undefined) throw new Error(message);
  };

  function checkQuota(values: Record<string, unknown>): void {
    if (!quota) return;
    if (Object.entries(values).some(([key, value]) => chromeItemBytes(key, value) > quota.bytesPerItem)) throw new Error('QUOTA_BYTES_PER_ITEM quota exceeded');
    const after = new Map([...items, ...Object.entries(values)]);
    if (total(after) > quota.bytes) throw new Error('QUOTA_BYTES quota exceeded');
    if (after.size > quota.items) throw new Error('MAX_ITEMS quota exceeded');
  }

  const area: MemoryArea = {
    items,
    writes: 0,
    fault: () => undefined,
    bytesInUse: () => total(items),
    async get(keys) {
      failIf('get');
      const wanted = keys === null || keys === undefined ? [...items.keys()] : typeof keys === 'string' ? [keys] : keys;
      return Object.fromEntries(wanted.filter((key) => items.has(key)).map((key) => [key, copy(items.get(key))]));
    },
    async set(values) {
      area.writes += 1;
      failIf('set');
      checkQuota(values);
      const changes: Parameters<Listener>[0] = {};
      for (const [key, value] of Object.entries(values)) {
        const oldValue = items.get(key);
        if (JSON.stringify(oldValue) === JSON.stringify(value)) continue;
        items.set(key, copy(value));
        changes[key] = { oldValue, newValue: copy(value) };
      }
      if (Object.keys(changes).length > 0) hub.emit(changes, areaName);
    },
    async remove(keys) {
      area.writes += 1;
      failIf('remove');
      const changes: Parameters<Listener>[0] = {};
      for (const key of typeof keys === 'string' ? [keys] : keys) {
        if (!items.has(key)) continue;
        changes[key] = { oldValue: items.get(key) };
        items.delete(key);
      }
      if (Object.keys(changes).length > 0) hub.emit(changes, areaName);
    },
  };
  return area;
}
