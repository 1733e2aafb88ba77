import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** One line of the table: a figure for the app, and the ceiling's where it has one. */
export interface Row {
  figure: string;
  app: number | null;
  ceiling: number | null;
  /** app / ceiling. */
  ratio: number | null;
  target: string | null;
  pass: boolean | null;
  /** Decimals shown; by default 1 below 100 and none above. */
  digits?: number;
}

export interface CaseResult {
  name: string;
  title: string;
  rows: Row[];
  /** The raw measurements behind the rows. */
  details: Record<string, unknown>;
}

export interface TargetCheck {
  text: string;
  pass: (app: number, ratio: number | null) => boolean;
}

export const atLeast = (value: number, unit = ''): TargetCheck => ({
  text: `≥${value}${unit}`,
  pass: (app) => app >= value,
});
export const atMost = (value: number, unit = ''): TargetCheck => ({
  text: `≤${value}${unit}`,
  pass: (app) => app <= value,
});
export const below = (value: number, unit = ''): TargetCheck => ({
  text: `<${value}${unit}`,
  pass: (app) => app < value,
});
export const ratioAtLeast = (value: number): TargetCheck => ({
  text: `≥${value}× ceiling`,
  pass: (_, ratio) => ratio !== null && ratio >= value,
});

export function row(
  figure: string,
  app: number | null,
  ceiling: number | null = null,
  target?: TargetCheck,
  digits?: number,
): Row {
  const ratio = app !== null && ceiling !== null && ceiling !== 0 ? app / ceiling : null;
  return {
    figure,
    app,
    ceiling,
    ratio,
    target: target?.text ?? null,
    // A figure that could not be measured misses its target.
    pass: target ? app !== null && target.pass(app, ratio) : null,
    digits,
  };
}

function formatNumber(value: number | null, fixedDigits?: number): string {
  if (value === null) return '–';
  const digits = fixedDigits ?? (Math.abs(value) >= 100 ? 0 : 1);
  return value.toLocaleString('en-US', {
    minimumFractionDigits: fixedDigits ?? 0,
    maximumFractionDigits: digits,
  });
}

const COLUMNS = ['Case', 'Figure', 'App', 'Ceiling', 'App/ceil', 'Target', ''];

export function formatTable(results: CaseResult[]): string {
  const lines: string[][] = [COLUMNS];
  for (const result of results) {
    result.rows.forEach((entry, index) => {
      lines.push([
        index === 0 ? result.title : '',
        entry.figure,
        formatNumber(entry.app, entry.digits),
        formatNumber(entry.ceiling, entry.digits),
        entry.ratio === null ? '' : `${entry.ratio.toFixed(2)}×`,
        entry.target ?? '',
        entry.pass === null ? '' : entry.pass ? 'pass' : 'MISS',
      ]);
    });
  }
  const widths = COLUMNS.map((_, column) =>
    Math.max(...lines.map((line) => (line[column] ?? '').length)),
  );
  const numeric = new Set([2, 3, 4]);
  return lines
    .map((line) =>
      line
        .map((cell, column) =>
          numeric.has(column)
            ? cell.padStart(widths[column] ?? 0)
            : cell.padEnd(widths[column] ?? 0),
        )
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}

/** Writes bench-results/<timestamp>.json and bench-results/latest.json; returns the first path. */
export function writeResults(directory: string, results: unknown, startedAt: Date): string {
  mkdirSync(directory, { recursive: true });
  const json = `${JSON.stringify(results, null, 2)}\n`;
  const file = join(directory, `${startedAt.toISOString().replace(/[:.]/g, '-')}.json`);
  writeFileSync(file, json);
  writeFileSync(join(directory, 'latest.json'), json);
  return file;
}
