/**
 * How one admin setting (F9, issue 6) is read from storage.managed: the JSON-schema type that
 * managed_schema.json declares for it, its safe default, and a reader that never throws. Chrome
 * drops a whole setting whose shape breaks the schema, but not one whose value is merely wrong
 * (a domain with a space, 0 days), so each reader validates and names what it refused.
 */
import * as z from 'zod/mini';
import type { MessageKey } from '../i18n/messages';

export type SettingKind = 'array' | 'boolean' | 'integer' | 'number' | 'object' | 'string';

/**
 * An admin-facing sentence, as a message key of public/_locales and its substitutions, so that it
 * reads in the browser's language. Each names the setting, what is expected and what is used instead.
 */
export interface ProblemText {
  key: MessageKey;
  params: string[];
}

export const problem = (key: MessageKey, ...params: (string | number)[]): ProblemText => ({ key, params: params.map(String) });

export interface SettingRead<T> {
  value: T;
  problems: ProblemText[];
}

export interface PolicySetting<T> {
  kind: SettingKind;
  fallback: T;
  /** Reads a value the admin set; an unset setting (undefined) is never passed in. */
  read(value: unknown): SettingRead<T>;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A setting that is valid as a whole or falls back as a whole. */
export function wholeSetting<T>(options: { kind: SettingKind; fallback: T; schema: z.ZodMiniType<T>; refused: ProblemText }): PolicySetting<T> {
  const { kind, fallback, schema, refused } = options;
  return {
    kind,
    fallback,
    read(value) {
      const parsed = schema.safeParse(value);
      return parsed.success ? { value: parsed.data, problems: [] } : { value: fallback, problems: [refused] };
    },
  };
}

/**
 * An object of named fields that share one validator. A missing field takes its default and a
 * bad one falls back alone, so `{ "P1": 2 }` changes P1 and keeps the other defaults.
 */
export function fieldsSetting<T extends Record<string, V>, V>(options: {
  fallback: Readonly<T>;
  field: z.ZodMiniType<V>;
  /** When the value is not an object at all. */
  notObject: ProblemText;
  /** When one field is refused: its name and the default used instead. */
  fieldRefused: (name: string, fallback: V) => ProblemText;
}): PolicySetting<Readonly<T>> {
  const { fallback, field, notObject, fieldRefused } = options;
  return {
    kind: 'object',
    fallback,
    read(value) {
      if (!isRecord(value)) return { value: fallback, problems: [notObject] };
      const result: Record<string, V> = { ...fallback };
      const problems: ProblemText[] = [];
      for (const key of Object.keys(fallback)) {
        if (!Object.hasOwn(value, key) || value[key] === undefined) continue;
        const parsed = field.safeParse(value[key]);
        if (parsed.success) result[key] = parsed.data;
        else problems.push(fieldRefused(key, fallback[key] as V));
      }
      return { value: result as T, problems };
    },
  };
}
