/**
 * Gmail's labels: the system labels every mailbox has (as users.labels.list returns them) and
 * user labels with ids `Label_<n>`, plus the rules users.labels.create enforces on a new name
 * (notes in the functions below say where each rule comes from).
 */
import type { CreateLabelOptions, GmailLabelColor, GmailLabelResource } from './types.ts';

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

/**
 * System labels a client may not add or remove: "SENT: no, DRAFT: no" in the "Can be manually
 * applied" column of Google's labels guide; CHAT answers `Invalid label: CHAT` too (GYB #135).
 */
export const NOT_APPLICABLE = new Set(['SENT', 'DRAFT', 'CHAT']);

/**
 * Names users.labels.create refuses with 400 "Invalid label name" (case-insensitive, also as the
 * first segment of a nested name). "System label names are reserved" (labels guide); beyond the
 * system ids Gmail refuses the web UI's folder words — GYB's reserved list, built from these 400s
 * (Migrated #82, Drafts #95, Trash, Muted #316/#350, Unread) — and their translations (Ongelezen
 * #135, Gearchiveerd #429, Enviado and Da leggere #442; only the ones seen are listed).
 */
const RESERVED_NAMES = new Set([
  ...SYSTEM_LABELS.map((label) => label.id.toLowerCase()),
  'inbox', 'spam', 'trash', 'unread', 'starred', 'important', 'sent', 'draft', 'chat', 'chats', 'migrated',
  'todo', 'todos', 'buzz', 'bin', 'allmail', 'drafts', 'archive', 'archived', 'muted',
  'ongelezen', 'gearchiveerd', 'enviado', 'da leggere',
]);

/** LabelColor's allowed values, from the discovery document (backgroundColor and textColor alike). */
export const LABEL_PALETTE: ReadonlySet<string> = new Set(
  (
    '#000000 #434343 #666666 #999999 #cccccc #efefef #f3f3f3 #ffffff #fb4c2f #ffad47 #fad165 #16a766 #43d692 #4a86e8 ' +
    '#a479e2 #f691b3 #f6c5be #ffe6c7 #fef1d1 #b9e4d0 #c6f3de #c9daf8 #e4d7f5 #fcdee8 #efa093 #ffd6a2 #fce8b3 #89d3b2 ' +
    '#a0eac9 #a4c2f4 #d0bcf1 #fbc8d9 #e66550 #ffbc6b #fcda83 #44b984 #68dfa9 #6d9eeb #b694e8 #f7a7c0 #cc3a21 #eaa041 ' +
    '#f2c960 #149e60 #3dc789 #3c78d8 #8e63ce #e07798 #ac2b16 #cf8933 #d5ae49 #0b804b #2a9c68 #285bac #653e9b #b65775 ' +
    '#822111 #a46a21 #aa8831 #076239 #1a764d #1c4587 #41236d #83334c #464646 #e7e7e7 #0d3472 #b6cff5 #0d3b44 #98d7e4 ' +
    '#3d188e #e3d7ff #711a36 #fbd3e0 #8a1c0a #f2b2a8 #7a2e0b #ffc8af #7a4706 #ffdeb5 #594c05 #fbe983 #684e07 #fdedc1 ' +
    '#0b4f30 #b3efd3 #04502e #a2dcc1 #c2c2c2 #4986e7 #2da2bb #b99aff #994a64 #f691b2 #ff7537 #ffad46 #662e37 #ebdbde ' +
    '#cca6ac #094228 #42d692 #16a765'
  ).split(' '),
);

export type CreateLabelResult =
  | { ok: true; label: GmailLabelResource }
  | { ok: false; problem: 'invalid-name' | 'conflict' | 'invalid-color'; message: string };

/** Whether users.labels.create refuses the name outright (conflicts are checked separately). */
export function invalidLabelName(name: string): boolean {
  if (name.trim() === '') return true;
  // A stray control character ("Unread\r", GYB #188) is refused too.
  if (/[\u0000-\u001f\u007f]/.test(name)) return true;
  const first = (name.split('/')[0] ?? '').trim().toLowerCase();
  return RESERVED_NAMES.has(name.trim().toLowerCase()) || RESERVED_NAMES.has(first);
}

function colorProblem(color: GmailLabelColor | undefined): string | undefined {
  if (color === undefined) return undefined;
  for (const value of [color.backgroundColor, color.textColor]) {
    // Compared exactly: the palette is written in lower case ("#FFFFFF" is refused).
    if (value !== undefined && !LABEL_PALETTE.has(value)) return `Label color ${value} is not on the allowed color palette`;
  }
  return undefined;
}

export class LabelSet {
  private readonly user: GmailLabelResource[] = [];
  private nextUserId = 1;

  all(): GmailLabelResource[] {
    return [...SYSTEM_LABELS, ...this.user].map(copyLabel);
  }

  userLabels(): GmailLabelResource[] {
    return this.user.map(copyLabel);
  }

  byId(id: string): GmailLabelResource | undefined {
    const label = SYSTEM_LABELS.find((l) => l.id === id) ?? this.user.find((l) => l.id === id);
    return label === undefined ? undefined : copyLabel(label);
  }

  /** Label ids are exact (case-sensitive): `inbox` or a label's name is not an id. */
  has(id: string): boolean {
    return this.byId(id) !== undefined;
  }

  /** The user label with this name, compared as Gmail does for conflicts: case-insensitively. */
  userLabelNamed(name: string): GmailLabelResource | undefined {
    const wanted = name.toLowerCase();
    const label = this.user.find((l) => l.name.toLowerCase() === wanted);
    return label === undefined ? undefined : copyLabel(label);
  }

  /**
   * users.labels.create's rules: reserved or empty names are invalid (400), a name equal to an
   * existing label's regardless of case conflicts (409), colors must be on the palette (400).
   * Nested names (`Cases/Open`) need no parent: Gmail shows the missing parent, it does not create it.
   */
  create(name: string, options: CreateLabelOptions = {}): CreateLabelResult {
    if (invalidLabelName(name)) return { ok: false, problem: 'invalid-name', message: 'Invalid label name' };
    if (this.userLabelNamed(name) !== undefined) return { ok: false, problem: 'conflict', message: 'Label name exists or conflicts' };
    const badColor = colorProblem(options.color);
    if (badColor !== undefined) return { ok: false, problem: 'invalid-color', message: badColor };
    const label: GmailLabelResource = {
      id: `Label_${this.nextUserId++}`,
      name,
      messageListVisibility: options.messageListVisibility ?? 'show',
      labelListVisibility: options.labelListVisibility ?? 'labelShow',
      type: 'user',
    };
    if (options.color !== undefined) label.color = { ...options.color };
    this.user.push(label);
    return { ok: true, label: copyLabel(label) };
  }

  /** Adds a user label (idempotent by case-insensitive name) and returns its id. For seeds. */
  ensureUserLabel(name: string): string {
    const existing = this.userLabelNamed(name);
    if (existing !== undefined) return existing.id;
    const created = this.create(name);
    if (!created.ok) throw new Error(`a seed cannot have a label named ${JSON.stringify(name)}: ${created.message}`);
    return created.label.id;
  }

  /** A seed may name labels by id (INBOX, Label_3) or by user-label name. */
  resolve(idOrName: string): string {
    return this.has(idOrName) ? idOrName : this.ensureUserLabel(idOrName);
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

function copyLabel(label: GmailLabelResource): GmailLabelResource {
  return label.color === undefined ? { ...label } : { ...label, color: { ...label.color } };
}
