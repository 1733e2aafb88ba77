import { useStore } from 'zustand';
import { DashboardContext } from '../../dashboard-context.ts';
import type { WidgetViewProps } from '../widget-props.ts';
import { Sparkline } from '../sparkline.tsx';
import { Waiting } from '../waiting.tsx';
import { MIN_RATE_HISTORY_SECONDS, rateNote } from './rate-spec.ts';

/** Messages per second on the filter, large, with a sparkline; says how long it has been quiet. */
export function RateView({ spec, now }: WidgetViewProps<'rate'>) {
  const { data } = DashboardContext.use();
  const rate = useStore(data, (state) => state.rates[spec.id]);
  if (!rate || rate.perSecond === null) return <Waiting filter={spec.filter} what="messages" />;
  const shown = rate.history.slice(-spec.historySeconds);
  const xs = shown.map((_, i) => i - shown.length + 1);
  // A young history fills the width (at least 10 s of it) rather than a sliver at the right.
  const from = 1 - Math.max(shown.length, MIN_RATE_HISTORY_SECONDS);
  const note = rateNote(rate.perSecond, rate.lastMessageAt, now);
  return (
    <div className={`big-number rate has-sparkline${note.quiet ? ' is-quiet' : ''}`}>
      <div className="big-number-value">
        <output aria-label={`${spec.title || spec.filter} messages per second`}>
          {rate.perSecond.toFixed(spec.decimals)}
        </output>
        <span className="big-number-unit">msg/s</span>
      </div>
      <Sparkline xs={xs} ys={shown} from={from} to={0} floor={0} />
      <div className="widget-age">{note.text}</div>
    </div>
  );
}
