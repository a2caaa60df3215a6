/**
 * Gmail's labels: the system labels every mailbox has (as users.labels.list returns them) and
 * user labels with ids `Label_<n>`.
 */
import type { GmailLabelResource } from './types.ts';

const hidden = { messageListVisibility: 'hide', labelListVisibility: 'labelHide' } as const;
const hiddenInList = { messageListVisibility: 'hide', labelListVisibility: 'labelShow' } as const;

export const SYSTEM_LABELS: readonly GmailLabelResource[] = [
  { id: 'CHAT', name: 'CHAT', ...hidden, type: 'system' },
  { id: 'SENT', name: 'SENT', type: 'system' },
  { id: 'INBOX', name: 'INBOX', type: 'system' },
  { id: 'IMPORTANT', name: 'IMPORTANT', ...hiddenInList, type: 'system' },
  { id: 'TRASH', name: 'TRASH', ...hidden, type: 'system' },
  { id: 'DRAFT', name: 'DRAFT', type: 'system' },
  { id: 'SPAM', name: 'SPAM', ...hidden, type: 'system' },
  { id: 'CATEGORY_FORUMS', name: 'CATEGORY_FORUMS', type: 'system' },
  { id: 'CATEGORY_UPDATES', name: 'CATEGORY_UPDATES', type: 'system' },
  { id: 'CATEGORY_PERSONAL', name: 'CATEGORY_PERSONAL', type: 'system' },
  { id: 'CATEGORY_PROMOTIONS', name: 'CATEGORY_PROMOTIONS', type: 'system' },
  { id: 'CATEGORY_SOCIAL', name: 'CATEGORY_SOCIAL', type: 'system' },
  { id: 'STARRED', name: 'STARRED', ...hiddenInList, type: 'system' },
  { id: 'UNREAD', name: 'UNREAD', type: 'system' },
];

export class LabelSet {
  private readonly user: GmailLabelResource[] = [];

  all(): GmailLabelResource[] {
    return [...SYSTEM_LABELS, ...this.user].map((label) => ({ ...label }));
  }

  /** Adds a user label (idempotent by case-insensitive name) and returns its id. */
  ensureUserLabel(name: string): string {
    const existing = this.user.find((label) => label.name.toLowerCase() === name.toLowerCase());
    if (existing !== undefined) return existing.id;
    const id = `Label_${this.user.length + 1}`;
    this.user.push({ id, name, messageListVisibility: 'show', labelListVisibility: 'labelShow', type: 'user' });
    return id;
  }

  /** A seed may name labels by id (INBOX, Label_3) or by user-label name. */
  resolve(idOrName: string): string {
    if (SYSTEM_LABELS.some((label) => label.id === idOrName) || this.user.some((label) => label.id === idOrName)) {
      return idOrName;
    }
    return this.ensureUserLabel(idOrName);
  }

  /** `label:` search operands: Gmail matches names case-insensitively, with '-' for spaces and '/'. */
  findByName(name: string): string | undefined {
    const wanted = name.toLowerCase();
    const normalise = (s: string): string => s.toLowerCase().replace(/[\s/]+/g, '-');
    const system = SYSTEM_LABELS.find((label) => label.id.toLowerCase() === wanted);
    if (system !== undefined) return system.id;
    return this.user.find((label) => label.name.toLowerCase() === wanted || normalise(label.name) === normalise(name))?.id;
  }
}
