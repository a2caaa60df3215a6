/**
 * The mailboxes the e2e tests run against: each thread is a scenario from issue 2, named so a test
 * reads as the agent's story. Dates are fixed, so waiting states are known.
 */
import type { Seed } from '../fake-google/index';

export const AGENT = { email: 'agent@support.example', name: 'Ana Agent' };
export const COLLEAGUE = 'Bob Colleague <bob@support.example>';
export const LEAD = { email: 'lead@support.example', name: 'Lia Lead' };

export const SUBJECTS = {
  plain: 'Invoice 2231 is wrong',
  encoded: 'Pedido não chegou',
  contactForm: 'Contact form: refund request',
  colleagueCc: 'Integration keeps timing out',
  withAttachments: 'Screenshots of the error',
  unsynced: 'Just sent, not yet synced',
  second: 'Where is my parcel?',
} as const;

const agent = `${AGENT.name} <${AGENT.email}>`;

export const e2eSeed: Seed = {
  accounts: [
    {
      email: AGENT.email,
      name: AGENT.name,
      threads: [
        {
          messages: [
            {
              from: 'Maria Silva <maria@acme.example>',
              to: agent,
              subject: SUBJECTS.plain,
              date: '2026-11-24T09:15:00Z',
              text: 'Hello, invoice 2231 charges us twice for the same licence.',
            },
          ],
        },
        {
          messages: [
            {
              from: '=?UTF-8?B?Sm/Do28gQ29uY2Vpw6fDo28=?= <joao@cliente.example>',
              to: agent,
              subject: '=?UTF-8?Q?Pedido_n=C3=A3o_chegou?=',
              date: '2026-11-23T14:00:00Z',
              text: 'Meu pedido ainda não chegou.',
            },
            {
              from: agent,
              to: '=?UTF-8?B?Sm/Do28gQ29uY2Vpw6fDo28=?= <joao@cliente.example>',
              subject: 'Re: =?UTF-8?Q?Pedido_n=C3=A3o_chegou?=',
              date: '2026-11-23T15:30:00Z',
              text: 'Olá João, já verificamos e o pedido sai hoje.',
            },
          ],
        },
        {
          messages: [
            {
              from: 'Website Forms <no-reply@forms.example>',
              to: agent,
              replyTo: 'Pat Customer <pat@buyer.example>',
              subject: SUBJECTS.contactForm,
              date: '2026-11-24T08:00:00Z',
              text: 'Name: Pat Customer\nMessage: I would like a refund for order 981.',
            },
          ],
        },
        {
          messages: [
            {
              from: 'Lee Chen <lee@bigco.example>',
              to: agent,
              cc: COLLEAGUE,
              subject: SUBJECTS.colleagueCc,
              date: '2026-11-22T10:00:00Z',
              text: 'Our integration times out every hour.',
            },
            {
              from: COLLEAGUE,
              to: 'Lee Chen <lee@bigco.example>',
              cc: agent,
              subject: `Re: ${SUBJECTS.colleagueCc}`,
              date: '2026-11-22T11:00:00Z',
              text: 'We are looking into it.',
            },
            {
              from: 'Lee Chen <lee@bigco.example>',
              to: agent,
              cc: COLLEAGUE,
              subject: `Re: ${SUBJECTS.colleagueCc}`,
              date: '2026-11-24T07:45:00Z',
              text: 'It happened again this morning.',
            },
          ],
        },
        {
          messages: [
            {
              from: 'Sam Rivera <sam@pixels.example>',
              to: agent,
              subject: SUBJECTS.withAttachments,
              date: '2026-11-24T06:30:00Z',
              text: 'Attached are the screenshots and the log.',
              attachments: [
                { filename: 'error-screen.png', mimeType: 'image/png', size: 48_213 },
                { filename: 'server-log.pdf', mimeType: 'application/pdf', size: 182_004 },
              ],
            },
          ],
        },
        {
          domMarkers: 'unsynced',
          messages: [
            {
              from: agent,
              to: 'Quinn Newman <quinn@newco.example>',
              subject: SUBJECTS.unsynced,
              date: '2026-11-24T09:20:00Z',
              text: 'Welcome aboard!',
            },
          ],
        },
      ],
    },
    {
      email: LEAD.email,
      name: LEAD.name,
      threads: [
        {
          messages: [
            {
              from: 'Olga Petrova <olga@shop.example>',
              to: `${LEAD.name} <${LEAD.email}>`,
              subject: SUBJECTS.second,
              date: '2026-11-24T05:00:00Z',
              text: 'The tracking page shows nothing.',
            },
          ],
        },
      ],
    },
  ],
};
