/**
 * Gmail's batch format (https://developers.google.com/gmail/api/guides/batch): several API calls in
 * one HTTP round trip, as a multipart/mixed body of `application/http` parts. Google answers with a
 * multipart/mixed body whose parts carry `Content-ID: <response-ID>` and a whole HTTP response each.
 * Only the framing lives here; the client decides what each part's status means.
 */

export const MAX_BATCH_PARTS = 100;

export interface BatchCall {
  /** Echoed back by Google as `response-<id>`. Letters, digits and dashes only. */
  id: string;
  /** Path and query after the host, e.g. `/gmail/v1/users/me/threads/abc?format=metadata`. */
  path: string;
}

export interface BatchAnswer {
  id: string;
  status: number;
  /** Lower-cased header names of the inner response. */
  headers: Map<string, string>;
  /** The inner body parsed as JSON, or null when it is empty or not JSON. */
  body: unknown;
}

export function batchBody(calls: readonly BatchCall[], boundary: string): string {
  const parts = calls.map(
    (call) =>
      `--${boundary}\r\nContent-Type: application/http\r\nContent-ID: <${call.id}>\r\n\r\n` +
      `GET ${call.path}\r\nAccept: application/json\r\n\r\n`,
  );
  return `${parts.join('')}--${boundary}--\r\n`;
}

/** The boundary parameter of a multipart Content-Type, quoted or not; null when absent. */
export function boundaryOf(contentType: string | null): string | null {
  const match = /;\s*boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType ?? '');
  return match ? (match[1] ?? match[2] ?? null) : null;
}

/**
 * Splits Google's batch response into its answers. Parts whose framing is broken are skipped: the
 * caller treats a call without an answer as failed, so nothing malformed is ever taken for data.
 */
export function parseBatchAnswers(text: string, boundary: string): BatchAnswer[] {
  const answers: BatchAnswer[] = [];
  for (const part of text.split(`--${boundary}`).slice(1)) {
    if (part.startsWith('--')) break;
    const answer = parsePart(part);
    if (answer) answers.push(answer);
  }
  return answers;
}

function parsePart(part: string): BatchAnswer | null {
  const [partHeaders, rest] = splitHead(part.replace(/^\r?\n/, ''));
  const contentId = /^content-id:\s*<?response-([^>\s]+)>?/im.exec(partHeaders)?.[1];
  if (!contentId || rest === null) return null;
  const [responseHead, body] = splitHead(rest);
  const [statusLine = '', ...headerLines] = responseHead.split(/\r?\n/);
  const status = /^HTTP\/[\d.]+\s+(\d{3})/.exec(statusLine)?.[1];
  if (!status) return null;
  const headers = new Map<string, string>();
  for (const line of headerLines) {
    const colon = line.indexOf(':');
    if (colon > 0) headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
  }
  return { id: contentId, status: Number(status), headers, body: parseJson(body ?? '') };
}

/** Splits at the first blank line: [head, rest], rest null when there is no blank line. */
function splitHead(text: string): [string, string | null] {
  const match = /\r?\n\r?\n/.exec(text);
  return match ? [text.slice(0, match.index), text.slice(match.index + match[0].length)] : [text, null];
}

function parseJson(text: string): unknown {
  const trimmed = text.trim();
  if (!trimmed) return null;
  try {
    return JSON.parse(trimmed);
  } catch {
    return null;
  }
}
