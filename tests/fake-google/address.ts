/**
 * Reading header values the way a mail server does for search and display: RFC 2047
 * encoded-words decoded (B and Q, UTF-8 and ISO-8859-1) and addresses pulled out of
 * `Name <addr>` lists. The Gmail API itself returns headers undecoded; only search and the fake
 * web page need decoded text.
 */

function decodeBytes(bytes: Buffer, charset: string): string {
  const label = charset.toLowerCase();
  try {
    return new TextDecoder(label === 'utf8' ? 'utf-8' : label).decode(bytes);
  } catch {
    return bytes.toString('latin1');
  }
}

export function decodeEncodedWords(value: string): string {
  return value
    .replace(/(=\?[^?]+\?[BbQq]\?[^?]*\?=)\s+(?==\?)/g, '$1')
    .replace(/=\?([^?*]+)(?:\*[^?]+)?\?([BbQq])\?([^?]*)\?=/g, (_match, charset: string, kind: string, text: string) => {
      const bytes =
        kind.toUpperCase() === 'B'
          ? Buffer.from(text, 'base64')
          : Buffer.from(
              text.replace(/_/g, ' ').replace(/=([0-9A-Fa-f]{2})/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16))),
              'latin1',
            );
      return decodeBytes(bytes, charset);
    });
}

export interface AddressEntry {
  name: string;
  address: string;
}

/** Splits an address list on commas outside quotes and angle brackets. */
export function parseAddressList(value: string): AddressEntry[] {
  const items: string[] = [];
  let current = '';
  let quoted = false;
  let angle = false;
  for (const char of value) {
    if (char === '"') quoted = !quoted;
    if (!quoted && char === '<') angle = true;
    if (!quoted && char === '>') angle = false;
    if (char === ',' && !quoted && !angle) {
      items.push(current);
      current = '';
    } else {
      current += char;
    }
  }
  items.push(current);
  return items
    .map((item) => item.trim())
    .filter((item) => item !== '')
    .map((item) => {
      const angled = /^(.*)<([^>]+)>\s*$/.exec(item);
      if (angled === null) return { name: '', address: item.toLowerCase() };
      const name = decodeEncodedWords((angled[1] ?? '').trim()).replace(/^"(.*)"$/, '$1').replace(/\\(.)/g, '$1');
      return { name, address: (angled[2] ?? '').trim().toLowerCase() };
    });
}

export function firstAddress(value: string | undefined): AddressEntry | undefined {
  return value === undefined ? undefined : parseAddressList(value)[0];
}
