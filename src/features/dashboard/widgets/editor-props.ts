import type { WidgetOptions } from '../dashboard-model.ts';

/** What a kind's editor is given: its options and a way to change them. */
export interface OptionsEditorProps<K extends WidgetOptions['kind']> {
  options: Extract<WidgetOptions, { kind: K }>;
  onChange: (options: Extract<WidgetOptions, { kind: K }>) => void;
}

/** A number input's text as the spec holds it: NaN (refused on save) or, if allowed, null. */
export function numberFrom(text: string): number {
  return text.trim() === '' ? NaN : Number(text);
}
export function optionalNumberFrom(text: string): number | null {
  return text.trim() === '' ? null : Number(text);
}
export const shown = (value: number | null) =>
  value === null || Number.isNaN(value) ? '' : String(value);
