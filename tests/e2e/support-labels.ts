/** A thread's labels as the fake mailbox holds them: what a colleague's Gmail would show (F4). */
import type { FakeGoogleControl } from '../fake-google/index';
import { AGENT } from './seed';

/** The thread's labels by name, as the fake mailbox holds them. */
export function threadLabelNames(google: FakeGoogleControl, subject: string): string[] {
  const { threads, labels } = google.mailbox(AGENT.email);
  const thread = threads.find((t) => t.messages.some((m) => m.payload.headers.some((h) => h.name === 'Subject' && h.value === subject)));
  if (!thread) throw new Error(`no thread "${subject}"`);
  const ids = new Set(thread.messages.flatMap((m) => m.labelIds));
  return labels.filter((label) => ids.has(label.id)).map((label) => label.name);
}

export const caseLabels = (names: string[]) => names.filter((name) => name.toLowerCase().startsWith('icustomer/'));
