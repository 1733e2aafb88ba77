import { CHART_WINDOWS } from '../charts-store.ts';

/** "Window": how much time a chart shows, from 1 minute to 24 hours. */
export function ChartWindowSelect({
  value,
  onChange,
  className,
}: {
  value: number;
  onChange: (windowMs: number) => void;
  className: string;
}) {
  return (
    <label className={className}>
      <span>Window</span>
      <select value={value} onChange={(event) => onChange(Number(event.target.value))}>
        {CHART_WINDOWS.map((option) => (
          <option key={option.ms} value={option.ms}>
            {option.label}
          </option>
        ))}
      </select>
    </label>
  );
}
