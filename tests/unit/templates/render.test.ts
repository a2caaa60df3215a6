import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseTemplate, renderTemplate, templateProblems } from '../../../utils/templates/render';
import { TEMPLATE_VARIABLES, firstNameOf, templateValuesOf, type TemplateValues } from '../../../utils/templates/variables';

const values: TemplateValues = {
  'customer.name': 'Maria Lopes',
  'customer.firstName': 'Maria',
  'customer.email': 'maria@example.com',
  'agent.name': 'João Silva',
  'agent.email': 'joao@acme.test',
  'thread.subject': 'Fatura de março',
  'case.status': 'Open',
};
const render = (source: string, with_: TemplateValues = values) => renderTemplate(source, with_);

// Any `{{ name }}` or `{{ name | fallback }}` in sent text would be a raw variable leaking out.
const VARIABLE_PATTERN = /\{\{\s*[^{}|\s][^{}|]*(\|[^{}]*)?\}\}/u;

describe('parseTemplate', () => {
  it('splits text and variables with offsets into the source', () => {
    expect(parseTemplate('Hi {{customer.firstName|there}}!')).toEqual([
      { kind: 'text', text: 'Hi ', start: 0, end: 3 },
      { kind: 'variable', name: 'customer.firstName', fallback: 'there', start: 3, end: 31 },
      { kind: 'text', text: '!', start: 31, end: 32 },
    ]);
  });

  it.each([
    ['spaces around the name', '{{ customer.name }}', 'customer.name', null],
    ['spaces around the bar', '{{ customer.firstName | there }}', 'customer.firstName', 'there'],
    ['a newline inside', '{{\ncustomer.name\n}}', 'customer.name', null],
    ['an empty fallback', '{{customer.firstName|}}', 'customer.firstName', ''],
    ['a bar inside the fallback', '{{agent.name|a|b}}', 'agent.name', 'a|b'],
    ['an unknown name', '{{customer.phone}}', 'customer.phone', null],
    ['a stray brace inside', '{{{customer.name}}', '{customer.name', null],
  ])('reads %s', (_, source, name, fallback) => {
    expect(parseTemplate(source)).toEqual([{ kind: 'variable', name, fallback, start: 0, end: source.length }]);
  });

  it('keeps a lone {{ without a closing }} as text', () => {
    expect(parseTemplate('a {{customer.name b')).toEqual([{ kind: 'text', text: 'a {{customer.name b', start: 0, end: 19 }]);
  });

  it('reads adjacent variables as separate parts', () => {
    expect(parseTemplate('{{agent.name}}{{agent.email}}').map((part) => part.kind === 'variable' && part.name)).toEqual(['agent.name', 'agent.email']);
  });

  it('returns nothing for an empty template', () => {
    expect(parseTemplate('')).toEqual([]);
  });
});

describe('templateProblems', () => {
  it('is empty for a template using only known variables', () => {
    expect(templateProblems(TEMPLATE_VARIABLES.map((name) => `{{${name}}}`).join(' '))).toEqual([]);
  });

  it('flags unknown variables, case included, where they are', () => {
    expect(templateProblems('Hi {{Customer.name}}, {{}}')).toEqual([
      { kind: 'unknown-variable', name: 'Customer.name', start: 3, end: 20 },
      { kind: 'unknown-variable', name: '', start: 22, end: 26 },
    ]);
  });

  it('flags every unclosed {{ after the last variable', () => {
    expect(templateProblems('{{agent.name}} {{ x {{')).toEqual([
      { kind: 'unclosed-braces', start: 15, end: 17 },
      { kind: 'unclosed-braces', start: 20, end: 22 },
    ]);
  });
});

describe('renderTemplate', () => {
  it.each([
    ['a known value', 'Hi {{customer.firstName}},', 'Hi Maria,'],
    ['every variable', TEMPLATE_VARIABLES.map((name) => `{{${name}}}`).join('/'), 'Maria Lopes/Maria/maria@example.com/João Silva/joao@acme.test/Fatura de março/Open'],
    ['adjacent variables', '{{agent.name}}{{agent.email}}', 'João Silvajoao@acme.test'],
    ['whitespace inside braces', '{{ agent.name | someone }}', 'João Silva'],
    ['a value over its fallback', '{{customer.firstName|there}}', 'Maria'],
    ['accents and emoji around variables', 'Olá {{customer.firstName}} 👋 — até já', 'Olá Maria 👋 — até já'],
    ['stray closing braces', 'a }} b', 'a }} b'],
  ])('renders %s', (_, source, expected) => {
    expect(render(source)).toEqual({ text: expected, missing: [], unknown: [] });
  });

  it.each([
    ['absent', {}],
    ['empty', { 'customer.firstName': '' }],
    ['blank', { 'customer.firstName': '  ' }],
  ])('uses the fallback when the value is %s', (_, given) => {
    expect(render('Hi {{customer.firstName|there}},', given)).toEqual({ text: 'Hi there,', missing: [], unknown: [] });
  });

  it('renders an explicitly empty fallback without reporting the value missing', () => {
    expect(render('Hi{{customer.firstName|}},', {})).toEqual({ text: 'Hi,', missing: [], unknown: [] });
  });

  it('renders a missing value without a fallback as nothing and reports it once', () => {
    expect(render('{{case.status}} and {{case.status}} for {{agent.name}}', {})).toEqual({
      text: ' and  for ',
      missing: ['case.status', 'agent.name'],
      unknown: [],
    });
  });

  it('renders unknown variables as nothing, never as braces, and reports them', () => {
    expect(render('Hi {{customer.phone|friend}} {{Agent.name}}{{customer.phone}}!')).toEqual({
      text: 'Hi  !',
      missing: [],
      unknown: ['customer.phone', 'Agent.name'],
    });
  });

  it('keeps an unclosed {{ as the author wrote it', () => {
    expect(render('{{agent.name}} uses {{ in code').text).toBe('João Silva uses {{ in code');
  });

  it.each([
    ['another variable', '{{agent.email}}'],
    ['a fallback form', '{{agent.name|x}}'],
    ['unbalanced braces', '}} {{'],
  ])('inserts a value holding %s literally', (_, name) => {
    expect(render('Hi {{customer.name}} ({{customer.email}})', { 'customer.name': name, 'customer.email': 'm@x.test' }).text).toBe(`Hi ${name} (m@x.test)`);
  });

  it('inserts unicode and emoji values unchanged', () => {
    expect(render('{{customer.name}}', { 'customer.name': 'Zoë 李 👩🏽‍💻' }).text).toBe('Zoë 李 👩🏽‍💻');
  });

  it('closes a right-to-left override a value leaves open, so the rest of the line keeps its order (issue 7)', () => {
    const name = 'Eve\u202Egnp.exe';
    expect(render('Hi {{customer.name}}, thanks.', { 'customer.name': name }).text).toBe(`Hi ${name}\u202C, thanks.`);
  });

  it('inserts markup in a value as the text it is', () => {
    const name = `<img src=x onerror="top.__pwned('name')">`;
    expect(render('Hi {{customer.name}}', { 'customer.name': name }).text).toBe(`Hi ${name}`);
  });
});

describe('renderTemplate properties', () => {
  const fragment = fc.constantFrom('{{', '}}', '{', '}', '|', ' ', '\n', 'a', 'é', '👋', ...TEMPLATE_VARIABLES, 'customer.phone', 'Agent.name');
  const source = fc.array(fragment, { maxLength: 30 }).map((pieces) => pieces.join(''));
  const braceFree = fc.string({ unit: fc.constantFrom('a', 'Z', ' ', 'ç', '😀', '|', '.') });
  const braceFreeValues = fc.dictionary(fc.constantFrom(...TEMPLATE_VARIABLES), braceFree) as fc.Arbitrary<TemplateValues>;

  it('never throws, for any text and values', () => {
    fc.assert(fc.property(fc.string(), fc.dictionary(fc.constantFrom(...TEMPLATE_VARIABLES), fc.string()), (text, given) => {
      expect(() => renderTemplate(text, given)).not.toThrow();
    }));
  });

  it('never sends a variable pattern that did not come from a value', () => {
    fc.assert(fc.property(source, braceFreeValues, (text, given) => {
      expect(renderTemplate(text, given).text).not.toMatch(VARIABLE_PATTERN);
    }));
  });

  it('parses into parts that tile the source, in order and within bounds', () => {
    fc.assert(fc.property(fc.oneof(source, fc.string()), (text) => {
      let expected = 0;
      for (const part of parseTemplate(text)) {
        expect(part.start).toBe(expected);
        expect(part.end).toBeGreaterThan(part.start);
        expect(part.end).toBeLessThanOrEqual(text.length);
        expected = part.end;
      }
      expect(expected).toBe(text.length);
    }));
  });

  it('flags problems only within the source, in order', () => {
    fc.assert(fc.property(source, (text) => {
      let previousEnd = 0;
      for (const problem of templateProblems(text)) {
        expect(problem.start).toBeGreaterThanOrEqual(previousEnd);
        expect(problem.end).toBeLessThanOrEqual(text.length);
        previousEnd = problem.end;
      }
    }));
  });
});

describe('firstNameOf', () => {
  it.each([
    ['Maria Lopes', 'Maria'],
    ['Lopes, Maria', 'Maria'],
    ['Lopes, Maria Clara', 'Maria'],
    ['"Maria Lopes"', 'Maria'],
    ['“Zoë” Chen', 'Zoë'],
    ["'Maria'", 'Maria'],
    ['  Maria   Lopes ', 'Maria'],
    ['Lopes,', 'Lopes'],
    ['Maria', 'Maria'],
    ['maria@example.com', ''],
    ['', ''],
    ['   ', ''],
  ])('reads %j as %j', (displayName, expected) => {
    expect(firstNameOf(displayName)).toBe(expected);
  });
});

describe('templateValuesOf', () => {
  const agent = { name: 'João Silva', email: 'joao@acme.test' };

  it('fills every variable from a known customer and case', () => {
    expect(templateValuesOf({ customer: { name: 'Lopes, Maria', email: 'maria@example.com' }, agent, subject: 'Fatura', status: 'Pending' })).toEqual({
      'customer.name': 'Lopes, Maria',
      'customer.firstName': 'Maria',
      'customer.email': 'maria@example.com',
      'agent.name': 'João Silva',
      'agent.email': 'joao@acme.test',
      'thread.subject': 'Fatura',
      'case.status': 'Pending',
    });
  });

  it('leaves out the customer and status when unknown, so fallbacks apply', () => {
    const filled = templateValuesOf({ customer: null, agent, subject: 'Fatura', status: null });
    expect(Object.keys(filled)).toEqual(['agent.name', 'agent.email', 'thread.subject']);
    expect(renderTemplate('Hi {{customer.firstName|there}}', filled).text).toBe('Hi there');
  });
});
