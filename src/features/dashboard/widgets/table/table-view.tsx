import { useMemo } from 'react';
import { distinctLabels } from '../../../../core/topic-label.ts';
import { visibleText } from '../../../../core/visible-text.ts';
import { ago, withUnit } from '../widget-props.ts';
import type { WidgetViewProps } from '../widget-props.ts';
import { Waiting } from '../waiting.tsx';

/** One row per topic the filter matches: its short name, its newest value, its age. */
export function TableView({ spec, values, now }: WidgetViewProps<'table'>) {
  const rows = useMemo(() => {
    const sorted = [...(values ?? [])].sort((a, b) => a.topic.localeCompare(b.topic));
    const labels = distinctLabels(
      spec.filter,
      sorted.map((v) => v.topic),
    );
    return sorted.map((value, i) => ({ ...value, label: labels[i] ?? value.topic }));
  }, [values, spec.filter]);
  if (rows.length === 0) return <Waiting filter={spec.filter} what="values" />;
  return (
    <div className="widget-table-scroll">
      <table className="widget-table" aria-label={spec.title || spec.filter}>
        <thead>
          <tr>
            <th scope="col">Topic</th>
            <th scope="col">Value</th>
            <th scope="col">Updated</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.topic}>
              <th scope="row" title={visibleText(row.topic)}>
                {visibleText(row.label)}
              </th>
              <td>{row.value === null ? visibleText(row.text) : withUnit(row.value, spec.unit)}</td>
              <td>{ago(now, row.time)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
