import { text } from '../spec-reader.ts';
import type { Fields } from '../spec-reader.ts';

/** The latest value of every topic a wildcard filter matches, one row each. */
export interface TableOptions {
  kind: 'table';
  unit: string;
}

export const TABLE_DEFAULTS: TableOptions = { kind: 'table', unit: '' };

export function readTable(fields: Fields): TableOptions {
  return { kind: 'table', unit: text(fields, 'unit', { max: 20 }) };
}
