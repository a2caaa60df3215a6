/**
 * Turns the thread ids Gmail's web UI exposes into Gmail API thread ids (google-facts.md).
 * The subject h2 carries `data-legacy-thread-id` (already the API id, hex) and
 * `data-thread-perm-id="thread-f:<decimal>"` (the same number in decimal). Either may be missing
 * or junk — "undefined", or `thread-a:r…` for a just-sent thread not yet synced — so every
 * function here answers null rather than guessing.
 */

const MAX_UINT64 = (1n << 64n) - 1n;
// At most 20 digits: longer strings cannot be a uint64 and are not worth a BigInt parse.
const PERM_ID = /^#?thread-f:(\d{1,20})$/;
const LEGACY_HEX_ID = /^[0-9a-f]{1,16}$/;

/** `thread-f:1581064946762017791` (or `#thread-f:…` on list rows) → `15f1123136926bff`. */
export function permIdToHex(permId: string): string | null {
  if (typeof permId !== 'string') return null;
  const digits = PERM_ID.exec(permId.trim())?.[1];
  if (digits === undefined) return null;
  const value = BigInt(digits);
  // Zero is no thread; above 2^64-1 is no Gmail id.
  if (value === 0n || value > MAX_UINT64) return null;
  return value.toString(16);
}

/** Whether `s` looks like a Gmail API thread id as the UI writes it: 1–16 lowercase hex digits. */
export function isLegacyHexId(s: string): boolean {
  return typeof s === 'string' && LEGACY_HEX_ID.test(s);
}

/** The API thread id: the legacy hex id when valid, else the converted perm id, else null. */
export function normalizeThreadId(legacy: string | null, perm: string | null): string | null {
  const trimmedLegacy = typeof legacy === 'string' ? legacy.trim() : '';
  if (isLegacyHexId(trimmedLegacy)) return trimmedLegacy;
  return perm === null ? null : permIdToHex(perm);
}
