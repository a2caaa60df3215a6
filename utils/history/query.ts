/**
 * The Gmail search that finds a customer's conversations (F3): their address in From, To or Cc.
 * The address is quoted so that `+`, `-`, `{}` and non-ASCII letters are taken literally instead of
 * as search operators; characters that would end or escape the quoted phrase are dropped, so no
 * address can inject an operator (a property test walks the input space).
 */

/** Quote marks, backslashes, control and line characters: they end or break a quoted phrase. */
const UNQUOTABLE = /["\\\p{Cc}\u2028\u2029]/gu;

/** `from:"a+b@x.com" OR to:"a+b@x.com" OR cc:"a+b@x.com"`, or null for an address nothing can find. */
export function customerSearchQuery(address: string): string | null {
  const literal = address.replace(UNQUOTABLE, ' ').replace(/\s+/g, ' ').trim();
  if (!literal.includes('@')) return null;
  return ['from', 'to', 'cc'].map((operator) => `${operator}:"${literal}"`).join(' OR ');
}
