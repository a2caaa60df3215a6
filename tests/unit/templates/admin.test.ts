import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { adminTemplatesOf } from '../../../utils/templates/admin';
import { t } from '../panel/english';
import { TEMPLATE_BODY_MAX, TEMPLATE_NAME_MAX } from '../../../utils/templates/types';

const welcome = { id: 'welcome', name: 'Boas-vindas', body: 'Olá {{customer.firstName|cliente}}! 😀' };
const refund = { id: 'refund', name: 'Reembolso', body: 'Seu reembolso foi aprovado.' };

/** The templates read, with the problems in the English the panel shows. */
function inEnglish(value: unknown) {
  const { templates, problems } = adminTemplatesOf(value);
  return { templates, problems: problems.map(({ key, params }) => t(key, ...params)) };
}

describe('adminTemplatesOf', () => {
  it('reads the policy into read-only templates, sorted by name, ids prefixed', () => {
    expect(adminTemplatesOf([refund, { ...welcome, name: '  Boas-vindas ' }])).toEqual({
      templates: [
        { origin: 'admin', id: 'admin:welcome', name: 'Boas-vindas', body: welcome.body },
        { origin: 'admin', id: 'admin:refund', name: 'Reembolso', body: refund.body },
      ],
      problems: [],
    });
  });

  it('reads no policy as no templates and no problem', () => {
    expect(adminTemplatesOf(undefined)).toEqual({ templates: [], problems: [] });
  });

  it.each([['a string', 'welcome'], ['an object', { welcome }], ['null', null]])('refuses %s as a whole', (_, value) => {
    expect(inEnglish(value)).toEqual({ templates: [], problems: ['Policy "templates" must be a list of { "id", "name", "body" } entries; no admin templates are shown.'] });
  });

  it.each<[string, unknown, string[]]>([
    ['no name', { id: 'x', body: 'b' }, ['"name" is missing']],
    ['a blank name', { id: 'x', name: ' ', body: 'b' }, ['"name" must not be empty']],
    ['a long name', { id: 'x', name: 'n'.repeat(TEMPLATE_NAME_MAX + 1), body: 'b' }, ['"name" must be text of at most 100 characters']],
    ['no body', { id: 'x', name: 'n' }, ['"body" is missing']],
    ['a numeric body', { id: 'x', name: 'n', body: 42 }, ['"body" must be text']],
    ['a long body', { id: 'x', name: 'n', body: 'b'.repeat(TEMPLATE_BODY_MAX + 1) }, ['"body" must be text of at most 20000 characters']],
    ['no id', { name: 'n', body: 'b' }, ['"id" is missing']],
    ['an empty id', { id: '', name: 'n', body: 'b' }, ['"id" must not be empty']],
    ['two problems', { id: 'x' }, ['"name" is missing', '"body" is missing']],
  ])('skips an entry with %s and tells the admin which', (_, entry, details) => {
    expect(inEnglish([welcome, refund, entry])).toEqual({
      templates: adminTemplatesOf([welcome, refund]).templates,
      problems: details.map((detail) => `Policy "templates", entry 3: ${detail}; it is skipped.`),
    });
  });

  it('skips an entry that is not an object', () => {
    expect(inEnglish([welcome, 'Olá']).problems).toEqual(['Policy "templates", entry 2: must be an object with "id", "name" and "body"; it is skipped.']);
  });

  it('keeps the first of two entries with the same id', () => {
    expect(inEnglish([welcome, { ...welcome, name: 'Outra' }])).toEqual({
      templates: [{ origin: 'admin', id: 'admin:welcome', name: 'Boas-vindas', body: welcome.body }],
      problems: ['Policy "templates", entry 2: "id" "welcome" is already used by entry 1; it is skipped.'],
    });
  });

  it('gives every entry a template or a problem, whatever the policy holds', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.record({ id: fc.string(), name: fc.string(), body: fc.string() }), fc.anything())), (value) => {
        const { templates, problems } = adminTemplatesOf(value);
        // A skipped entry may have several problems, one per field.
        expect(new Set(problems.map((problem) => problem.params[0])).size + templates.length).toBe(value.length);
        expect(new Set(templates.map((template) => template.id)).size).toBe(templates.length);
        expect(templates.every((template) => template.id.startsWith('admin:'))).toBe(true);
      }),
    );
  });
});
