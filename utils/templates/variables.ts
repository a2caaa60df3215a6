// The variables a reply template may use (issue 5). Names are case-sensitive so that what the
// editor highlights is exactly what the renderer fills.
export const TEMPLATE_VARIABLES = [
  'customer.name',
  'customer.firstName',
  'customer.email',
  'agent.name',
  'agent.email',
  'thread.subject',
  'case.status',
] as const;

export type TemplateVariable = (typeof TEMPLATE_VARIABLES)[number];
export type TemplateValues = Partial<Record<TemplateVariable, string>>;

export interface TemplateContext {
  customer: { name: string; email: string } | null;
  agent: { name: string; email: string };
  subject: string;
  status: string | null;
}

const KNOWN: ReadonlySet<string> = new Set(TEMPLATE_VARIABLES);

export const isTemplateVariable = (name: string): name is TemplateVariable => KNOWN.has(name);

const QUOTES = /["'“”‘’«»]/gu;

// Display names come from From headers: "Maria Lopes", "Lopes, Maria" (directory order) or a
// quoted form. A bare address is no first name, so '' lets the template's fallback apply instead
// of greeting "Hi maria@example.com".
export function firstNameOf(displayName: string): string {
  const unquoted = displayName.replace(QUOTES, '');
  const comma = unquoted.indexOf(',');
  const given = comma >= 0 && unquoted.slice(comma + 1).trim() !== '' ? unquoted.slice(comma + 1) : unquoted.replace(',', ' ');
  const first = given.trim().split(/\s+/u)[0] ?? '';
  return first.includes('@') ? '' : first;
}

// Absent facts are left out rather than set to '', so the renderer reports them as missing.
export function templateValuesOf({ customer, agent, subject, status }: TemplateContext): TemplateValues {
  return {
    ...(customer && { 'customer.name': customer.name, 'customer.firstName': firstNameOf(customer.name), 'customer.email': customer.email }),
    'agent.name': agent.name,
    'agent.email': agent.email,
    'thread.subject': subject,
    ...(status !== null && { 'case.status': status }),
  };
}
