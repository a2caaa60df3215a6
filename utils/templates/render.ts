/**
 * Reply templates (F6, issue 5): `{{customer.firstName|there}}` style variables, parsed with their
 * offsets for the editor, rendered with fallbacks. An unknown or unfilled variable never reaches a
 * draft as raw braces: it renders empty and is reported, so the preview can warn.
 */
import { balanceBidi } from '../mail/bidi';
import { isTemplateVariable, type TemplateValues, type TemplateVariable } from './variables';

export type TemplatePart =
  | { kind: 'text'; text: string; start: number; end: number }
  | { kind: 'variable'; name: string; fallback: string | null; start: number; end: number };

export interface TemplateProblem {
  kind: 'unknown-variable' | 'unclosed-braces';
  name?: string;
  start: number;
  end: number;
}

export interface RenderedTemplate {
  text: string;
  missing: TemplateVariable[];
  unknown: string[];
}

const OPEN = '{{';
const CLOSE = '}}';

function variablePart(source: string, start: number, end: number): TemplatePart {
  const inner = source.slice(start + OPEN.length, end - CLOSE.length);
  const bar = inner.indexOf('|');
  const name = (bar < 0 ? inner : inner.slice(0, bar)).trim();
  const fallback = bar < 0 ? null : inner.slice(bar + 1).trim();
  return { kind: 'variable', name, fallback, start, end };
}

// A `{{` always pairs with the first `}}` after it, whatever lies between (a stray `{` or a
// misspelt name makes an unknown variable, which the editor flags). Only a `{{` with no `}}`
// anywhere after it is literal text. This rule is what guarantees that removing a variable can
// never join leftover literal braces into a new `{{…}}` in the sent text (issue 5).
export function parseTemplate(source: string): TemplatePart[] {
  const parts: TemplatePart[] = [];
  let position = 0;
  while (position < source.length) {
    const open = source.indexOf(OPEN, position);
    const close = open < 0 ? -1 : source.indexOf(CLOSE, open + OPEN.length);
    const textEnd = close < 0 ? source.length : open;
    if (textEnd > position) parts.push({ kind: 'text', text: source.slice(position, textEnd), start: position, end: textEnd });
    if (close < 0) break;
    parts.push(variablePart(source, open, close + CLOSE.length));
    position = close + CLOSE.length;
  }
  return parts;
}

function unclosedIn(part: TemplatePart & { kind: 'text' }): TemplateProblem[] {
  const problems: TemplateProblem[] = [];
  for (let at = part.text.indexOf(OPEN); at >= 0; at = part.text.indexOf(OPEN, at + OPEN.length)) {
    problems.push({ kind: 'unclosed-braces', start: part.start + at, end: part.start + at + OPEN.length });
  }
  return problems;
}

export function templateProblems(source: string): TemplateProblem[] {
  return parseTemplate(source).flatMap((part): TemplateProblem[] => {
    if (part.kind === 'text') return unclosedIn(part);
    return isTemplateVariable(part.name) ? [] : [{ kind: 'unknown-variable', name: part.name, start: part.start, end: part.end }];
  });
}

// Values are inserted as they are and never parsed again, so a customer who calls themselves
// "{{agent.email}}" cannot make the template reveal other fields. Their bidi controls are balanced
// (issue 7): a name ending in an open U+202E would otherwise reverse the rest of the line, in the
// preview and in the reply the customer gets.
export function renderTemplate(source: string, values: TemplateValues): RenderedTemplate {
  const missing = new Set<TemplateVariable>();
  const unknown = new Set<string>();
  const fill = (part: TemplatePart): string => {
    if (part.kind === 'text') return part.text;
    if (!isTemplateVariable(part.name)) {
      unknown.add(part.name);
      return '';
    }
    const value = values[part.name] ?? '';
    // A blank value greets nobody ("Hi  ,"), so it counts as absent.
    if (value.trim() !== '') return balanceBidi(value);
    if (part.fallback !== null) return part.fallback;
    missing.add(part.name);
    return '';
  };
  const text = parseTemplate(source).map(fill).join('');
  return { text, missing: [...missing], unknown: [...unknown] };
}
