/**
 * Builds schema-valid Gmail threads for tests: each message is described by the headers that
 * matter, and the result goes through threadSchema.parse so a test can never rely on a shape
 * Gmail would not send.
 */
import { threadSchema, type GmailHeader, type GmailMessagePart, type GmailThread } from '../../../utils/gmail/schemas';

export interface MessageSpec {
  /** internalDate, epoch ms. */
  at: number;
  from?: string;
  to?: string;
  cc?: string;
  replyTo?: string;
  subject?: string;
  labels?: string[];
  /** Extra headers, written as given (e.g. to test header-name case). */
  headers?: GmailHeader[];
  /** MIME children of the payload, as format=full returns them; absent = format=metadata. */
  parts?: GmailMessagePart[];
  mimeType?: string;
}

export interface ThreadOptions {
  id?: string;
  historyId?: string;
}

let nextMessageNumber = 1n;

export function buildThread(messages: MessageSpec[], options: ThreadOptions = {}): GmailThread {
  const threadId = options.id ?? '18c0a1b2c3d40000';
  return threadSchema.parse({
    id: threadId,
    ...(options.historyId === undefined ? {} : { historyId: options.historyId }),
    messages: messages.map((spec) => buildMessage(spec, threadId)),
  });
}

function buildMessage(spec: MessageSpec, threadId: string): unknown {
  const id = (0x18c0a1b2c3d50000n + nextMessageNumber++).toString(16);
  return {
    id,
    threadId,
    labelIds: spec.labels ?? ['INBOX'],
    internalDate: String(spec.at),
    payload: {
      mimeType: spec.mimeType ?? (spec.parts === undefined ? 'text/plain' : 'multipart/mixed'),
      headers: [...namedHeaders(spec), ...(spec.headers ?? [])],
      ...(spec.parts === undefined ? {} : { parts: spec.parts }),
    },
  };
}

function namedHeaders(spec: MessageSpec): GmailHeader[] {
  const entries: [string, string | undefined][] = [
    ['From', spec.from],
    ['To', spec.to],
    ['Cc', spec.cc],
    ['Reply-To', spec.replyTo],
    ['Subject', spec.subject],
  ];
  return entries.flatMap(([name, value]) => (value === undefined ? [] : [{ name, value }]));
}

/** A MIME leaf: a body part, or an attachment when it has a filename. */
export function leaf(mimeType: string, filename = '', size = 0): GmailMessagePart {
  return { mimeType, filename, body: size > 0 ? { size, attachmentId: `att-${filename}` } : { size } };
}

export function multipart(mimeType: string, parts: GmailMessagePart[]): GmailMessagePart {
  return { mimeType, filename: '', body: { size: 0 }, parts };
}
