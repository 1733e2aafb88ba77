import { useStore } from 'zustand';
import { ChartsContext } from '../../../charts/charts-context.ts';
import type { LatestValue } from '../../../../services/mqtt/index.ts';
import { ago, newest } from '../widget-props.ts';
import type { WidgetViewProps } from '../widget-props.ts';
import { Sparkline } from '../sparkline.tsx';
import { Waiting } from '../waiting.tsx';
import { SPARKLINE_VIEW, sparklineId } from './big-number-spec.ts';

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
    <div
      className={`big-number${stale ? ' is-stale' : ''}${spec.sparkline ? ' has-sparkline' : ''}`}
    >
      <div className="big-number-value">
        <output aria-label={`${spec.title || spec.filter} value`}>
          {value.toFixed(spec.decimals)}
        </output>
        {spec.unit && <span className="big-number-unit">{spec.unit}</span>}
        <span className="big-number-trend" title={trend.word} aria-label={trend.word}>
          {trend.arrow}
        </span>
      </div>
      {spec.sparkline && <BigNumberSparkline widgetId={spec.id} reading={reading} />}
      <div className="widget-age">
        {stale && <span className="stale-marker">Stale · </span>}
        updated {ago(now, reading.time)}
      </div>
    </div>
  );
}

/** The last minutes of the topic the number shows, from the worker's series history. */
function BigNumberSparkline({ widgetId, reading }: { widgetId: string; reading: LatestValue }) {
  const { data } = ChartsContext.use();
  const snapshot = useStore(data, (state) => state.snapshots[sparklineId(widgetId)]);
  const line = snapshot?.lines.find((l) => l.topic === reading.topic);
  if (!snapshot || !line) return <Sparkline xs={[]} ys={[]} from={0} to={1} />;
  // The window ends at the newest point the worker had; the number may be newer still.
  const to = Math.max(snapshot.to, reading.time);
  // A young history fills the width rather than a sliver at its right end.
  const from = Math.max(to - SPARKLINE_VIEW.windowMs, line.times[0] ?? -Infinity);
  return <Sparkline xs={line.times} ys={line.values} from={from} to={to} />;
}
