import type { QoS } from '../../services/mqtt/index.ts';

interface QosSelectProps {
  label: string;
  value: QoS;
  onChange: (qos: QoS) => void;
}

export function QosSelect({ label, value, onChange }: QosSelectProps) {
  return (
    <label className="field field-narrow">
      <span>{label}</span>
      <select value={value} onChange={(event) => onChange(Number(event.target.value) as QoS)}>
        <option value={0}>0 · at most once</option>
        <option value={1}>1 · at least once</option>
        <option value={2}>2 · exactly once</option>
      </select>
    </label>
  );
}
