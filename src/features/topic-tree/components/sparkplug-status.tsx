import { formatTime } from '../../../core/format.ts';
import type { SparkplugState } from '../../../core/sparkplug-states.ts';
import { visibleText } from '../../../core/visible-text.ts';

/** Sparkplug B edge nodes and their devices, online or offline, from BIRTH and DEATH messages. */
export function SparkplugStatus({
  states,
  onRebirth,
}: {
  states: readonly SparkplugState[];
  /** Asks an edge node for its BIRTHs again (an NCMD); omitted where nothing can be sent. */
  onRebirth?: ((group: string, edgeNode: string) => void) | undefined;
}) {
  return (
    <ul className="sparkplug-status" aria-label="Sparkplug B nodes">
      {states.map((s) => {
        const name = s.device === null ? `${s.group}/${s.edgeNode}` : s.device;
        return (
          <li
            key={`${s.group}/${s.edgeNode}/${s.device ?? ''}`}
            className={`sparkplug-${s.state}${s.device === null ? '' : ' sparkplug-device'}`}
            title={`${s.state === 'online' ? 'Online' : 'Offline'} since ${formatTime(s.since)} (${s.cause})`}
          >
            <span className="sparkplug-dot" aria-hidden="true" />
            <span className="sparkplug-name">{visibleText(name)}</span>
            <span className="sparkplug-state">
              {s.state} · {s.cause}
            </span>
            {onRebirth && s.device === null && (
              <button
                type="button"
                className="button-ghost sparkplug-rebirth"
                onClick={() => onRebirth(s.group, s.edgeNode)}
                aria-label={`Rebirth ${name}: ask it for its BIRTH messages`}
                title="Send Node Control/Rebirth: the node publishes its NBIRTH and DBIRTHs again, which name the metrics its data sends by alias"
              >
                Rebirth
              </button>
            )}
          </li>
        );
      })}
    </ul>
  );
}
