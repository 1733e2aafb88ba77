import { useStore } from 'zustand';
import { Panel } from '../../../components/ui/panel.tsx';
import { formatBytes } from '../../../core/payload.ts';
import type { BrokerStat } from '../../../services/mqtt/index.ts';
import type { BrokerStatsStore } from '../broker-stats-store.ts';
import './broker-stats.css';

const EMPTY: BrokerStat[] = [];

function formatValue(stat: BrokerStat): string {
  if (stat.kind === 'gauge') return stat.value.toLocaleString('en-US');
  const rate =
    stat.unit === 'B' ? `${formatBytes(stat.value)}/s` : `${stat.value.toFixed(1)} msg/s`;
  return rate;
}

/** A line of the recent values, scaled to its own range: the shape matters, not the axis. */
function Sparkline({ values, label }: { values: readonly number[]; label: string }) {
  if (values.length < 2) return null;
  const min = Math.min(...values);
  const max = Math.max(...values);
  const span = max - min || 1;
  const points = values
    .map((value, index) => {
      const x = (index / (values.length - 1)) * 100;
      const y = 22 - ((value - min) / span) * 20;
      return `${x.toFixed(1)},${y.toFixed(1)}`;
    })
    .join(' ');
  return (
    <svg
      className="sparkline"
      viewBox="0 0 100 24"
      preserveAspectRatio="none"
      role="img"
      aria-label={label}
    >
      <polyline
        points={points}
        fill="none"
        stroke="currentColor"
        strokeWidth="1.5"
        vectorEffect="non-scaling-stroke"
      />
    </svg>
  );
}

/**
 * The broker's own figures from `$SYS/#` (Mosquitto, EMQX, aedes): clients, message and byte
 * rates, dropped messages, with their recent history.
 */
export function BrokerStatsPanel({
  store,
  connectionId,
  watching,
  onWatch,
}: {
  store: BrokerStatsStore;
  connectionId: string;
  /** Whether a subscription already covers `$SYS/#`. */
  watching: boolean;
  onWatch: () => void;
}) {
  const stats = useStore(store, (state) => state.byConnection[connectionId] ?? EMPTY);
  return (
    <Panel title="Broker statistics" className="broker-stats-panel">
      {stats.length === 0 ? (
        <div className="broker-stats-empty">
          <p>
            {watching
              ? 'Waiting for the broker to publish its $SYS figures (Mosquitto every 10 s by default).'
              : 'Brokers such as Mosquitto and EMQX publish their own figures under $SYS/.'}
          </p>
          {!watching && (
            <button type="button" className="button-secondary" onClick={onWatch}>
              Subscribe to $SYS/#
            </button>
          )}
        </div>
      ) : (
        <dl className="broker-stats">
          {stats.map((stat) => (
            <div key={stat.key} className="broker-stat">
              <dt>{stat.label}</dt>
              <dd>
                <strong>{formatValue(stat)}</strong>
                {stat.total !== null && (
                  <span className="broker-stat-total">
                    {stat.unit === 'B'
                      ? formatBytes(stat.total)
                      : stat.total.toLocaleString('en-US')}{' '}
                    in all
                  </span>
                )}
                <Sparkline values={stat.history} label={`${stat.label}, recent history`} />
              </dd>
            </div>
          ))}
        </dl>
      )}
    </Panel>
  );
}
