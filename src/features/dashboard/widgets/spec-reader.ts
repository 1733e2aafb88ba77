/**
 * Reading a widget's saved or imported fields: each reader says, in words, what is wrong with
 * the first field that does not fit, so an import can be refused with the reason.
 */
export class SpecProblem extends Error {}

export type Fields = Record<string, unknown>;

export function text(fields: Fields, key: string, { max = 500, empty = true } = {}): string {
  const value = fields[key];
  if (typeof value !== 'string') throw new SpecProblem(`"${key}" must be text`);
  if (value.length > max) throw new SpecProblem(`"${key}" is longer than ${max} characters`);
  if (!empty && value.trim() === '') throw new SpecProblem(`"${key}" must not be empty`);
  return value;
}

export function number(fields: Fields, key: string): number {
  const value = fields[key];
  if (typeof value !== 'number' || !Number.isFinite(value))
    throw new SpecProblem(`"${key}" must be a finite number`);
  return value;
}

export function optionalNumber(fields: Fields, key: string): number | null {
  return fields[key] === null || fields[key] === undefined ? null : number(fields, key);
}

export function oneOf<T extends string>(fields: Fields, key: string, allowed: readonly T[]): T {
  const value = fields[key];
  if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value))
    throw new SpecProblem(`"${key}" must be one of ${allowed.join(', ')}`);
  return value as T;
}

export function isFields(value: unknown): value is Fields {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The tones a widget colours a value with; the page maps them to its theme's colours. */
export const TONES = ['ok', 'warn', 'alarm', 'neutral'] as const;
export type Tone = (typeof TONES)[number];
