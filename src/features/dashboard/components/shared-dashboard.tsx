import type { ReactNode } from 'react';
import { Panel } from '../../../components/ui/panel.tsx';

interface SharedDashboardProps {
  name: string;
  onKeep: () => void;
  onClose: () => void;
  children: ReactNode;
}

/** A dashboard opened from a link: read-only, with a way to keep it among the user's own. */
export function SharedDashboard({ name, onKeep, onClose, children }: SharedDashboardProps) {
  return (
    <Panel title={`Dashboard: ${name}`} className="dashboard-panel shared-dashboard">
      <div className="shared-banner" role="region" aria-label="Shared dashboard">
        <p>
          <strong>Shared dashboard</strong> — read-only, not saved. Keep a copy to edit it and find
          it again.
        </p>
        <div className="shared-banner-actions">
          <button type="button" className="button-primary" onClick={onKeep}>
            Keep a copy
          </button>
          <button type="button" className="button-ghost" onClick={onClose}>
            Close
          </button>
        </div>
      </div>
      {children}
    </Panel>
  );
}
