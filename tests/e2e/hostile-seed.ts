/**
 * Issue 7: a mailbox of hostile mail, added to AGENT's through the fake's control API. Every
 * field a sender controls carries markup that would run script if the panel ever parsed it as
 * HTML (each payload calls `top.__pwned`), bidi controls that would reorder the panel's text,
 * strings too long to fit 360 px, a 2 MB HTML body and MIME nested 200 deep. Each thread's
 * subject carries a marker to open it by in the fake Gmail.
 */
import type { FakeGoogleControl, SeedMessage } from '../fake-google/index';
import { AGENT } from './seed';

export const RLO = '\u202E';
export const PDI = '\u2069';

export const PAYLOAD = {
  script: `<script>top.__pwned('script')</script>`,
  img: `<img src=x onerror=top.__pwned('img')>`,
  svg: `<svg onload=top.__pwned('svg')>`,
  link: `<a href="javascript:top.__pwned('link')">open</a>`,
  css: `</style><style>*{display:none}</style><b style="font-size:300px">`,
  iframe: `<iframe srcdoc="<script>top.__pwned('iframe')</script>">`,
} as const;
const ALL = Object.values(PAYLOAD).join(' ');

/** Names with markup: shown as the text they are. */
export const EVE = { name: `${PAYLOAD.img} Eve ${PAYLOAD.svg}`, email: 'eve@hostile.example' } as const;
/** A stray PDI then an open RLO: without care, "gnp.exe" and whatever follows read backwards. */
export const TRUDY = { name: `Trudy ${PDI}${RLO}gnp.exe`, email: 'trudy@bidi.example' } as const;
/** 300 characters with no place to break. */
export const LONG_ADDRESS = `${'a'.repeat(283)}@hostile.example`;

export const ATTACHMENT = {
  markup: `${PAYLOAD.img}.png`,
  bidi: `invoice${RLO}fdp.exe`,
  long: `${'x'.repeat(500)}.pdf`,
  forwarded: 'forwarded.pdf',
  bottom: 'bottom.pdf',
} as const;

export const THREADS = {
  main: { id: '19c0000000000001', subject: `${PAYLOAD.script}${PAYLOAD.link} HOSTILE-MAIN ${PAYLOAD.css}` },
  bidi: { id: '19c0000000000002', subject: `Refund ${PDI}${RLO}dnuf HOSTILE-BIDI` },
  long: { id: '19c0000000000003', subject: `HOSTILE-LONG-${'W'.repeat(2000)}` },
  big: { id: '19c0000000000004', subject: `HOSTILE-BIG ${PAYLOAD.iframe}` },
  deep: { id: '19c0000000000005', subject: 'HOSTILE-DEEP' },
  address: { id: '19c0000000000006', subject: 'HOSTILE-ADDR' },
} as const;

/** RFC 2047 B-encoding: a display name may then hold quotes, angle brackets and anything else. */
const encoded = (text: string) => `=?UTF-8?B?${Buffer.from(text, 'utf8').toString('base64')}?=`;
const mailbox = (person: { name: string; email: string }) => `${encoded(person.name)} <${person.email}>`;
const agent = `${AGENT.name} <${AGENT.email}>`;
const OPEN = 'iCustomer/Status/Open';

/** A 2 MB HTML body of event handlers, scripts and styles, in short lines (as mailers write HTML). */
function twoMegabytesOfHtml(): string {
  const line = `<div onmouseover="top.__pwned('html')" style="width:9999px">${PAYLOAD.img}${PAYLOAD.script}</div>\n`;
  return `<html><head><style>body{display:none}</style></head><body>\n${line.repeat(Math.ceil((2 * 1024 * 1024) / line.length))}</body></html>`;
}

function fromCustomer(customer: string, subject: string, minutes: number, extra: Partial<SeedMessage> = {}): SeedMessage {
  const date = Date.parse('2026-11-24T10:00:00Z') + minutes * 60_000;
  return { from: customer, to: agent, subject, date, text: ALL, labelIds: ['INBOX', 'UNREAD'], ...extra };
}

export function seedHostileMail(google: FakeGoogleControl): void {
  const eve = mailbox(EVE);
  const add = (id: string, messages: SeedMessage[]) => google.addThread(AGENT.email, { id, messages });
  add(THREADS.main.id, [
    fromCustomer(eve, THREADS.main.subject, 50, {
      cc: `${mailbox(TRUDY)}, ${LONG_ADDRESS}`,
      html: `<p>${ALL}</p>`,
      attachments: [ATTACHMENT.markup, ATTACHMENT.bidi, ATTACHMENT.long].map((filename) => ({ filename, mimeType: 'application/pdf', size: 2048 })),
      labelIds: ['INBOX', 'UNREAD', OPEN],
    }),
  ]);
  add(THREADS.bidi.id, [fromCustomer(mailbox(TRUDY), THREADS.bidi.subject, 40, { labelIds: ['INBOX', OPEN] })]);
  add(THREADS.long.id, [fromCustomer(eve, THREADS.long.subject, 30, { labelIds: ['INBOX', OPEN] })]);
  add(THREADS.big.id, [fromCustomer(eve, THREADS.big.subject, 20, { html: twoMegabytesOfHtml() })]);
  add(THREADS.deep.id, [
    fromCustomer(eve, THREADS.deep.subject, 10, { nesting: 200, attachments: [{ filename: ATTACHMENT.bottom, mimeType: 'application/pdf' }] }),
    fromCustomer(eve, `Re: ${THREADS.deep.subject}`, 11, { nesting: 3, attachments: [{ filename: ATTACHMENT.forwarded, mimeType: 'application/pdf' }] }),
  ]);
  add(THREADS.address.id, [fromCustomer(LONG_ADDRESS, THREADS.address.subject, 0, { labelIds: ['INBOX', OPEN] })]);
}
