import { useRef } from 'react';
import { exportDashboard, importDashboard } from '../dashboard-file.ts';
import type { Dashboard } from '../dashboard-model.ts';

const fileName = (name: string) =>
  `${name.replace(/[^\w-]+/g, '-').replace(/^-+|-+$/g, '') || 'dashboard'}.dashboard.json`;

interface DashboardTransferProps {
  dashboard: Dashboard | undefined;
  onImported: (dashboard: Dashboard) => void;
  onRefused: (reason: string) => void;
}

/** Export the dashboard shown as a JSON file, or import one (checked, refused with the reason). */
export function DashboardTransfer({ dashboard, onImported, onRefused }: DashboardTransferProps) {
  const input = useRef<HTMLInputElement>(null);
  const download = () => {
    if (!dashboard) return;
    const url = URL.createObjectURL(
      new Blob([exportDashboard(dashboard)], { type: 'application/json' }),
    );
    const link = document.createElement('a');
    link.href = url;
    link.download = fileName(dashboard.name);
    link.click();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  };
  return (
    <>
      <button type="button" className="button-secondary" onClick={download} disabled={!dashboard}>
        Export dashboard
      </button>
      <button type="button" className="button-secondary" onClick={() => input.current?.click()}>
        Import dashboard…
      </button>
      <input
        ref={input}
        type="file"
        accept=".json,application/json"
        aria-label="Dashboard file to import"
        hidden
        onChange={async (event) => {
          const file = event.target.files?.[0];
          event.target.value = '';
          if (!file) return;
          if (file.size > 2_000_000) {
            onRefused(`${file.name} is too large for a dashboard file (over 2 MB).`);
            return;
          }
          const result = importDashboard(await file.text());
          if (result.ok) onImported(result.dashboard);
          else onRefused(`${file.name} was not imported. ${result.reason}`);
        }}
      />
    </>
  );
}
