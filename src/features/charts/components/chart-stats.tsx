import type { SeriesSnapshot } from '../../../services/mqtt/index.ts';
import { formatValue } from '../chart-format.ts';

interface StatsLine {
  key: string;
  label: string;
  color: string;
  stats: SeriesSnapshot['lines'][number]['stats'];
}

/**
 * Min, average, max and last of each line over the span shown: computed by the worker over
 * every point in the span (not only the drawn ones), with the snapshot.
 */
export function ChartStats(props: {
  title: string;
  unit: string;
  lines: readonly StatsLine[];
  manyLines: boolean;
}) {
  const { title, unit, lines, manyLines } = props;
  const cell = (value: number | undefined) =>
    value === undefined ? '–' : formatValue(value, unit);
  return (
    <details className="chart-stats" open={!manyLines || undefined}>
      <summary>Min, average, max and last in view</summary>
      <table aria-label={`Statistics of ${title}`}>
        <thead>
          <tr>
            <th scope="col">Line</th>
            <th scope="col">Min</th>
            <th scope="col">Avg</th>
            <th scope="col">Max</th>
            <th scope="col">Last</th>
          </tr>
        </thead>
        <tbody>
          {lines.map((line) => (
            <tr key={line.key}>
              <th scope="row">
                <span
                  className="legend-swatch"
                  style={{ background: line.color }}
                  aria-hidden="true"
                />{' '}
                {line.label}
              </th>
              <td>{cell(line.stats?.min)}</td>
              <td>{cell(line.stats?.average)}</td>
              <td>{cell(line.stats?.max)}</td>
              <td>{cell(line.stats?.last)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}
