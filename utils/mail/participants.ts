/** Who takes part in a conversation, as the panel lists them. */
import type { GmailMessage } from '../gmail/schemas';
import { addressesIn } from './messages';
import type { Person } from './types';

const ADDRESS_HEADERS = ['From', 'To', 'Cc', 'Reply-To'] as const;

/**
 * Everyone in From/To/Cc/Reply-To of `messages`, unique by email, in the order first seen. The
 * name is the first one any header gives: a bare address early on must not hide a later name.
 */
export function collectParticipants(messages: readonly GmailMessage[]): Person[] {
  const byEmail = new Map<string, Person>();
  for (const message of messages) {
    for (const header of ADDRESS_HEADERS) {
      for (const person of addressesIn(message, header)) addParticipant(byEmail, person);
    }
  }
  return [...byEmail.values()];
}

function addParticipant(byEmail: Map<string, Person>, person: Person): void {
  const known = byEmail.get(person.email);
  if (known === undefined) byEmail.set(person.email, { ...person });
  else if (known.name === '' && person.name !== '') known.name = person.name;
}
