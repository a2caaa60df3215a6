/**
 * Base64url decoding for Gmail's `body.data` and `raw` fields, and plain base64 for RFC 2047
 * B-encoded words. Gmail sends base64url *with* `=` padding although RFC 4648 lets it be
 * dropped, so both forms are accepted; the two alphabets are accepted too, since a decoder that
 * is strict about which one it gets would reject real mail for no gain.
 */

const BASE64_BODY = /^[A-Za-z0-9+/\-_]*$/;

/** Normalises to the standard alphabet without padding; null when `s` cannot be base64. */
function toStandardAlphabet(s: string): string | null {
  // Line breaks and spaces are legal inside MIME base64 and carry no data.
  const compact = s.replace(/[\s]+/g, '');
  const unpadded = compact.replace(/={1,2}$/, '');
  if (!BASE64_BODY.test(unpadded) || unpadded.length % 4 === 1) return null;
  return unpadded.replace(/-/g, '+').replace(/_/g, '/');
}

/** The bytes `s` encodes, or null when it is not base64url/base64. */
export function decodeBase64UrlToBytes(s: string): Uint8Array | null {
  if (typeof s !== 'string') return null;
  const standard = toStandardAlphabet(s);
  if (standard === null) return null;
  try {
    // atob accepts unpadded input whose length is not 1 mod 4 (WHATWG forgiving-base64).
    const binary = atob(standard);
    const bytes = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    return bytes;
  } catch {
    return null;
  }
}

/** Text in `charset` (any label TextDecoder knows), or null on invalid input or charset. */
function decodeBytesToText(bytes: Uint8Array, charset = 'utf-8'): string | null {
  try {
    return new TextDecoder(charset.trim()).decode(bytes);
  } catch {
    return null;
  }
}

/** The text `s` encodes in `charset`, or null on invalid base64 or an unknown charset. */
export function decodeBase64UrlToText(s: string, charset = 'utf-8'): string | null {
  const bytes = decodeBase64UrlToBytes(s);
  return bytes === null ? null : decodeBytesToText(bytes, charset);
}
