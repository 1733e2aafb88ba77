import { ago, newest } from '../widget-props.ts';
import type { WidgetViewProps } from '../widget-props.ts';
import { Waiting } from '../waiting.tsx';

/** The newest value, large, with its trend and how long ago it came; marked when stale. */
export function BigNumberView({ spec, values, now }: WidgetViewProps<'big-number'>) {
  const reading = newest(values);
  if (!reading) return <Waiting filter={spec.filter} />;
  if (reading.value === null) return <Waiting filter={spec.filter} what="a number" />;
  const { value, previous } = reading;
  const trend =
    previous === null || previous === value
      ? { arrow: '→', word: 'steady' }
      : value > previous
        ? { arrow: '↑', word: 'rising' }
        : { arrow: '↓', word: 'falling' };
  const stale = now - reading.time > spec.staleAfterSeconds * 1000;
  return (
    <div className={`big-number${stale ? ' is-stale' : ''}`}>
      <div className="big-number-value">
        <output aria-label={`${spec.title || spec.filter} value`}>
          {value.toFixed(spec.decimals)}
        </output>
        {spec.unit && <span className="big-number-unit">{spec.unit}</span>}
        <span className="big-number-trend" title={trend.word} aria-label={trend.word}>
          {trend.arrow}
        </span>
      </div>
      <div className="widget-age">
        {stale && <span className="stale-marker">Stale · </span>}
        updated {ago(now, reading.time)}
      </div>
    </div>
  );
}
