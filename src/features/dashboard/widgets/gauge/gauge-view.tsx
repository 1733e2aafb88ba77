import { gaugeTone } from './gauge-spec.ts';
import { newest, withUnit } from '../widget-props.ts';
import type { WidgetViewProps } from '../widget-props.ts';
import { Waiting } from '../waiting.tsx';

const RADIUS = 40;
const ARC = Math.PI * RADIUS;

/** A half-circle dial: the band colours along it, the value's arc over them, the number below. */
export function GaugeView({ spec, values }: WidgetViewProps<'gauge'>) {
  const reading = newest(values);
  if (!reading) return <Waiting filter={spec.filter} />;
  if (reading.value === null) return <Waiting filter={spec.filter} what="a number" />;
  const { min, max } = spec;
  const clamped = Math.min(max, Math.max(min, reading.value));
  const fraction = (clamped - min) / (max - min);
  const tone = gaugeTone(spec, reading.value);
  const text = withUnit(reading.value, spec.unit);
  const bandAt = (limit: number | null) =>
    limit === null ? null : Math.min(1, Math.max(0, (limit - min) / (max - min)));
  const warn = bandAt(spec.warn);
  const alarm = bandAt(spec.alarm);
  const band = (from: number, to: number, className: string) => (
    <path
      className={className}
      d="M 10 50 A 40 40 0 0 1 90 50"
      pathLength={1}
      strokeDasharray={`0 ${from} ${Math.max(0, to - from)} 1`}
    />
  );
  const above = spec.badWhen === 'above';
  return (
    <div
      className={`gauge tone-${tone}`}
      role="meter"
      aria-label={spec.title || spec.filter}
      aria-valuemin={min}
      aria-valuemax={max}
      aria-valuenow={clamped}
      aria-valuetext={text}
    >
      <svg viewBox="0 0 100 56" aria-hidden="true">
        <path className="gauge-track" d="M 10 50 A 40 40 0 0 1 90 50" />
        {warn !== null &&
          (above
            ? band(warn, alarm ?? 1, 'gauge-band-warn')
            : band(alarm ?? 0, warn, 'gauge-band-warn'))}
        {alarm !== null &&
          (above ? band(alarm, 1, 'gauge-band-alarm') : band(0, alarm, 'gauge-band-alarm'))}
        <path
          className="gauge-value"
          d="M 10 50 A 40 40 0 0 1 90 50"
          strokeDasharray={`${fraction * ARC} ${ARC}`}
        />
      </svg>
      <div className="gauge-reading">{text}</div>
      <div className="gauge-range">
        <span>{withUnit(min, '')}</span>
        <span>{withUnit(max, '')}</span>
      </div>
    </div>
  );
}
