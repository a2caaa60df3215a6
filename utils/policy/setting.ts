/**
 * How one admin setting (F9, issue 6) is read from storage.managed: the JSON-schema type that
 * managed_schema.json declares for it, its safe default, and a reader that never throws. Chrome
 * drops a whole setting whose shape breaks the schema, but not one whose value is merely wrong
 * (a domain with a space, 0 days), so each reader validates and names what it refused.
 */
import * as z from 'zod/mini';

export type SettingKind = 'array' | 'boolean' | 'integer' | 'number' | 'object' | 'string';

export interface SettingRead<T> {
  value: T;
  /** Admin-facing sentences, each naming the setting, what is expected and what is used instead. */
  problems: string[];
}

export interface PolicySetting<T> {
  kind: SettingKind;
  fallback: T;
  /** Reads a value the admin set; an unset setting (undefined) is never passed in. */
  read(value: unknown): SettingRead<T>;
}

export const policyName = (setting: string): string => `Policy "${setting}"`;

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A setting that is valid as a whole or falls back as a whole. */
export function wholeSetting<T>(options: {
  name: string;
  kind: SettingKind;
  fallback: T;
  schema: z.ZodMiniType<T>;
  expected: string;
  instead: string;
}): PolicySetting<T> {
  const { name, kind, fallback, schema, expected, instead } = options;
  return {
    kind,
    fallback,
    read(value) {
      const parsed = schema.safeParse(value);
      return parsed.success ? { value: parsed.data, problems: [] } : { value: fallback, problems: [`${policyName(name)} must be ${expected}; ${instead}.`] };
    },
  };
}

/**
 * An object of named fields that share one validator. A missing field takes its default and a
 * bad one falls back alone, so `{ "P1": 2 }` changes P1 and keeps the other defaults.
 */
export function fieldsSetting<T extends Record<string, V>, V>(options: {
  name: string;
  fallback: Readonly<T>;
  field: z.ZodMiniType<V>;
  expected: string;
  fieldExpected: string;
}): PolicySetting<Readonly<T>> {
  const { name, fallback, field, expected, fieldExpected } = options;
  return {
    kind: 'object',
    fallback,
    read(value) {
      if (!isRecord(value)) return { value: fallback, problems: [`${policyName(name)} must be ${expected}; using the defaults.`] };
      const result: Record<string, V> = { ...fallback };
      const problems: string[] = [];
      for (const key of Object.keys(fallback)) {
        if (!Object.hasOwn(value, key) || value[key] === undefined) continue;
        const parsed = field.safeParse(value[key]);
        if (parsed.success) result[key] = parsed.data;
        else problems.push(`${policyName(name)} "${key}" must be ${fieldExpected}; using ${String(fallback[key])}.`);
      }
      return { value: result as T, problems };
    },
  };
}
