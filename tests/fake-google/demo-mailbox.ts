/**
 * The demo mailbox `npm start` shows: a support agent's inbox with the situations the panel has
 * to get right — a plain customer, names in RFC 2047 encoded-words (UTF-8 B and ISO-8859-1 Q),
 * a contact form whose Reply-To is the real customer, a colleague in Cc, a thread the agent
 * answered last, attachments — and a second signed-in account. `npm start` adds Maria's history
 * (`demoSeedWithHistory`); the fake's own tests use the plain seed.
 */
import type { Seed, SeedThread } from './types.ts';

const AGENT = 'Ana Agent <agent@support.example>';
const MARIA = 'Maria Silva <maria.silva@acme-retail.example>';

/** Maria's earlier, answered orders — archived, one a fortnight back to early 2025 — so the demo has a history to show. */
function mariaHistory(): SeedThread[] {
  const topics = ['Delivery date for order', 'Invoice copy for order', 'Change of address for order', 'Missing item in order', 'Return label for order'];
  return Array.from({ length: 42 }, (_, i) => {
    const subject = `${topics[i % topics.length]} #${47100 + i * 23}`;
    const asked = Date.UTC(2025, 0, 8, 10) + i * 14 * 86_400_000;
    return {
      messages: [
        { from: MARIA, to: AGENT, subject, date: asked, text: `Hello, a question about ${subject.toLowerCase()}.`, labelIds: [] },
        { from: AGENT, to: MARIA, subject: `Re: ${subject}`, date: asked + 3 * 3_600_000, text: 'Hi Maria, all sorted — thanks for writing.', labelIds: ['SENT'] },
      ],
    };
  });
}

export const demoSeed: Seed = {
  accounts: [
    {
      email: 'agent@support.example',
      name: 'Ana Agent',
      labels: [{ name: 'Customers/VIP' }],
      threads: [
        {
          messages: [
            {
              from: MARIA,
              to: AGENT,
              subject: 'Order #48213 arrived damaged',
              date: '2026-11-24T09:12:00Z',
              text: 'Hello,\n\nMy order #48213 arrived today and the lamp base is cracked. The box looked fine, so it must have happened before shipping.\n\nCan you send a replacement? I have photos if you need them.\n\nThanks,\nMaria Silva\nAcme Retail',
            },
          ],
        },
        {
          messages: [
            {
              from: '=?UTF-8?B?Sm/Do28gQ29uY2Vpw6fDo28=?= <joao.conceicao@exemplo.com.br>',
              to: AGENT,
              subject: '=?UTF-8?Q?Cobran=C3=A7a_duplicada_na_fatura_de_novembro?=',
              date: '2026-11-24T07:45:00Z',
              text: 'Olá,\n\nFui cobrado duas vezes na fatura de novembro (pedido 77120). Podem verificar e estornar uma das cobranças?\n\nObrigado,\nJoão Conceição',
            },
          ],
        },
        {
          messages: [
            {
              from: '=?ISO-8859-1?Q?Ren=E9e_Lef=E8vre?= <renee.lefevre@boutique-lefevre.example>',
              to: AGENT,
              subject: 'Question about wholesale pricing',
              date: '2026-11-23T16:20:00Z',
              text: 'Good afternoon,\n\nWe run a small boutique in Lyon and would like to stock your ceramics range. Do you offer wholesale pricing for orders above 50 units?\n\nBest regards,\nRenée Lefèvre',
            },
          ],
        },
        {
          messages: [
            {
              from: 'Website Contact Form <no-reply@forms.example>',
              to: AGENT,
              replyTo: 'Priya Natarajan <priya.n@northwind.example>',
              subject: 'New contact form submission: Billing question',
              date: '2026-11-23T11:02:00Z',
              text: 'A visitor submitted the contact form.\n\nName: Priya Natarajan\nEmail: priya.n@northwind.example\nCompany: Northwind Traders\nTopic: Billing\n\nMessage:\nOur invoice INV-2026-1187 lists 12 seats but we only have 9 active users. Could you correct it before we pay?',
            },
          ],
        },
        {
          messages: [
            {
              from: 'Tom Becker <tom@becker-logistics.example>',
              to: AGENT,
              cc: 'Bob Builder <bob@support.example>',
              subject: 'Delivery window for the Hamburg warehouse',
              date: '2026-11-22T08:30:00Z',
              text: 'Hi Ana, hi Bob,\n\nOur Hamburg warehouse only accepts deliveries between 7:00 and 11:00. Can you make sure the next shipment respects that window?\n\nTom',
            },
            {
              from: 'Bob Builder <bob@support.example>',
              to: 'Tom Becker <tom@becker-logistics.example>',
              cc: AGENT,
              subject: 'Re: Delivery window for the Hamburg warehouse',
              date: '2026-11-22T10:05:00Z',
              text: 'Hi Tom,\n\nNoted — I have asked the carrier to book the 7:00–11:00 slot. Ana will confirm the date.\n\nBob',
            },
          ],
        },
        {
          messages: [
            {
              from: 'Kenji Watanabe <kenji.watanabe@sakura-foods.example>',
              to: AGENT,
              subject: 'Cannot log in to the customer portal',
              date: '2026-11-21T13:40:00Z',
              text: 'Hello,\n\nSince yesterday the customer portal says my password is wrong, even after a reset. Could you take a look?\n\nKenji Watanabe',
            },
            {
              from: AGENT,
              to: 'Kenji Watanabe <kenji.watanabe@sakura-foods.example>',
              subject: 'Re: Cannot log in to the customer portal',
              date: '2026-11-21T15:02:00Z',
              text: 'Hi Kenji,\n\nThanks for reporting this. Your account was locked after several attempts; I have unlocked it. Please try again and let me know if it works.\n\nBest,\nAna',
            },
          ],
        },
        {
          messages: [
            {
              from: 'Lena Fischer <lena.fischer@fischer-design.example>',
              to: AGENT,
              subject: 'Invoice and screenshot of the error',
              date: '2026-11-20T09:15:00Z',
              text: 'Hi,\n\nAttached are the invoice you asked for and a screenshot of the error we get at checkout.\n\nLena',
              html: '<div>Hi,</div><div><br></div><div>Attached are the invoice you asked for and a screenshot of the error we get at checkout.</div><div><br></div><div>Lena</div>',
              attachments: [
                { filename: 'invoice-2026-1142.pdf', mimeType: 'application/pdf', size: 48_213 },
                { filename: 'checkout-error.png', mimeType: 'image/png', size: 121_044 },
              ],
            },
          ],
        },
        {
          messages: [
            {
              from: MARIA,
              to: AGENT,
              subject: 'Updating our billing address',
              date: '2026-11-12T14:00:00Z',
              text: 'Hello,\n\nPlease update our billing address to Rua Augusta 120, 1100-053 Lisboa.\n\nMaria',
              labelIds: ['INBOX', 'Customers/VIP'],
            },
            {
              from: AGENT,
              to: MARIA,
              subject: 'Re: Updating our billing address',
              date: '2026-11-12T15:30:00Z',
              text: 'Hi Maria,\n\nDone — the new address will appear on your next invoice.\n\nAna',
            },
            {
              from: MARIA,
              to: AGENT,
              subject: 'Re: Updating our billing address',
              date: '2026-11-13T08:10:00Z',
              text: 'Perfect, thank you!\n\nMaria',
              labelIds: ['INBOX', 'Customers/VIP'],
            },
          ],
        },
      ],
    },
    {
      email: 'lead@support.example',
      name: 'Lia Lead',
      threads: [
        {
          messages: [
            {
              from: 'Carlos Mendes <carlos.mendes@atlas-bank.example>',
              to: 'Lia Lead <lead@support.example>',
              subject: 'Escalation: contract renewal terms',
              date: '2026-11-24T12:00:00Z',
              text: 'Hi Lia,\n\nBefore we renew, we need the new SLA terms in writing. Can we schedule a call this week?\n\nCarlos',
            },
          ],
        },
        {
          messages: [
            {
              from: 'Ana Agent <agent@support.example>',
              to: 'Lia Lead <lead@support.example>',
              subject: 'Weekly support report',
              date: '2026-11-20T17:00:00Z',
              text: 'Hi Lia,\n\n42 tickets closed this week, median first response 38 minutes. Details in the dashboard.\n\nAna',
            },
          ],
        },
      ],
    },
  ],
};

/**
 * Cases a team already works on, labelled as the extension labels them (F4), timed from when the
 * demo starts so the queue (F5) shows overdue, due and pending ones and the badge a count.
 */
function demoCases(now: number): SeedThread[] {
  const HOUR = 3_600_000;
  const cases: [string, string, string[], number][] = [
    ['Carla Dias <carla@shop.example>', 'Checkout rejects every card', ['iCustomer/Status/Open', 'iCustomer/Priority/P1'], 6],
    ['Dev Patel <dev@firm.example>', 'Invoice address is wrong', ['iCustomer/Status/Open', 'iCustomer/Priority/P2'], 3],
    ['Eva Berg <eva@nord.example>', 'Question about the annual plan', ['iCustomer/Status/Open', 'iCustomer/Priority/P3'], 20],
    ['Finn Olsen <finn@fjord.example>', 'Need the serial number', ['iCustomer/Status/Pending', 'iCustomer/Priority/P2'], 30],
  ];
  return cases.map(([from, subject, labels, hoursAgo]) => ({
    messages: [{ from, to: AGENT, subject, date: now - hoursAgo * HOUR, text: 'Could you help me with this, please?', labelIds: ['INBOX', 'UNREAD', ...labels] }],
  }));
}

/** What `npm start` shows: the demo seed, Maria's 42 earlier conversations (archived) and open cases. */
export function demoSeedWithHistory(now = Date.now()): Seed {
  return {
    accounts: demoSeed.accounts.map((account, index) =>
      index === 0 ? { ...account, threads: [...account.threads, ...mariaHistory(), ...demoCases(now)] } : account,
    ),
  };
}
