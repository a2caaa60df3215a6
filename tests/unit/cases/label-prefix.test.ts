import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_LABEL_PREFIX, MAX_LABEL_PREFIX_LENGTH, parseLabelPrefix } from '../../../utils/cases/label-prefix';

describe('parseLabelPrefix', () => {
  it.each([
    ['the default as is', 'iCustomer/', 'iCustomer/'],
    ['a name without a slash', 'iCustomer', 'iCustomer/'],
    ['surrounding spaces', '  iCustomer  ', 'iCustomer/'],
    ['several trailing slashes', 'iCustomer///', 'iCustomer/'],
    ['spaces around a trailing slash', ' iCustomer / ', 'iCustomer/'],
    ['a nested prefix', 'Support/Cases', 'Support/Cases/'],
    ['spaces inside a level', 'Customer Care/', 'Customer Care/'],
    ['non-ASCII letters', 'Atendimento/Solicitações', 'Atendimento/Solicitações/'],
    ['a reserved word below the first level', 'Support/Inbox', 'Support/Inbox/'],
    ['a reserved word inside a longer name', 'Inboxes', 'Inboxes/'],
  ])('normalises %s', (_, raw, prefix) => {
    expect(parseLabelPrefix(raw)).toEqual({ ok: true, prefix });
  });

  it.each([
    ['an empty string', '', 'empty'],
    ['only spaces', '   ', 'empty'],
    ['only slashes', '///', 'empty'],
    ['a leading slash', '/iCustomer', 'empty-segment'],
    ['an empty level', 'Support//Cases', 'empty-segment'],
    ['a space before a slash', 'Support /Cases', 'padded-segment'],
    ['a space after a slash', 'Support/ Cases', 'padded-segment'],
    ['a tab inside', 'i\tCustomer', 'control-character'],
    ['a line break inside', 'i\nCustomer', 'control-character'],
    ['a system label as first level', 'INBOX/Cases', 'reserved'],
    ['a web folder word in any case', 'Trash', 'reserved'],
    ['a translated folder word', 'Gearchiveerd/', 'reserved'],
    ['too many characters', 'x'.repeat(MAX_LABEL_PREFIX_LENGTH), 'too-long'],
  ])('refuses %s', (_, raw, error) => {
    const result = parseLabelPrefix(raw);
    expect(result).toMatchObject({ ok: false, error });
  });

  it('accepts a prefix of exactly the maximum length', () => {
    expect(parseLabelPrefix('x'.repeat(MAX_LABEL_PREFIX_LENGTH - 1))).toMatchObject({ ok: true });
  });

  it('keeps the default unchanged', () => {
    expect(parseLabelPrefix(DEFAULT_LABEL_PREFIX)).toEqual({ ok: true, prefix: DEFAULT_LABEL_PREFIX });
  });

  it('gives a prefix ending in exactly one slash, stable when parsed again (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 40 }), (raw) => {
        const result = parseLabelPrefix(raw);
        if (!result.ok) return;
        expect(result.prefix).toMatch(/[^/]\/$/u);
        expect(result.prefix.length).toBeLessThanOrEqual(MAX_LABEL_PREFIX_LENGTH);
        expect(parseLabelPrefix(result.prefix)).toEqual(result);
      }),
    );
  });
});
