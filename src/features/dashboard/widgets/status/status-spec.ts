import { isFields, oneOf, SpecProblem, text, TONES } from '../spec-reader.ts';
import type { Fields, Tone } from '../spec-reader.ts';

export interface StatusMapping {
  /** The payload text (or field) this applies to, compared without case or outer spaces. */
  match: string;
  label: string;
  tone: Tone;
}

/** A word and a colour for what a device says, like `online` and `offline`. */
export interface StatusOptions {
  kind: 'status';
  mappings: StatusMapping[];
}

export const STATUS_DEFAULTS: StatusOptions = {
  kind: 'status',
  mappings: [
    { match: 'online', label: 'Online', tone: 'ok' },
    { match: 'offline', label: 'Offline', tone: 'alarm' },
  ],
};

export function readStatus(fields: Fields): StatusOptions {
  const { mappings } = fields;
  if (!Array.isArray(mappings) || mappings.length > 50)
    throw new SpecProblem('"mappings" must be a list of at most 50 entries');
  return {
    kind: 'status',
    mappings: mappings.map((mapping: unknown, index) => {
      if (!isFields(mapping)) throw new SpecProblem(`mapping ${index + 1} is not an object`);
      return {
        match: text(mapping, 'match', { max: 200 }),
        label: text(mapping, 'label', { max: 60 }),
        tone: oneOf(mapping, 'tone', TONES),
      };
    }),
  };
}

/** What a status tile shows for a text: the first mapping that matches, else the text itself. */
export function statusOf(options: StatusOptions, value: string): { label: string; tone: Tone } {
  const key = value.trim().toLowerCase();
  const found = options.mappings.find((m) => m.match.trim().toLowerCase() === key);
  return found ? { label: found.label, tone: found.tone } : { label: value, tone: 'neutral' };
}
