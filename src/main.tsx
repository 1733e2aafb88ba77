import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/app.tsx';
import { wireBatches, wireEngineTrouble } from './app/batch-routing.ts';
import { startWorkspace } from './app/startup.ts';
import { createWorkspace } from './app/workspace.ts';
import { registerServiceWorker } from './app/service-worker.ts';
import { notify } from './components/ui/notices.tsx';
import { startTheme } from './components/ui/theme.ts';
import { createMqttService } from './services/mqtt/index.ts';
import './app/app.css';

// The theme first, so the first paint is in the chosen one.
startTheme();

// Start the worker (mqtt.js) and the chart code (recharts) at once, in parallel with the
// first render, rather than when the first chart mounts.
const service = createMqttService();
void import('./features/charts/components/live-chart.tsx');
const workspace = createWorkspace(service);
wireBatches(service, workspace);
wireEngineTrouble(service, workspace);
void startWorkspace(workspace, window.location);
registerServiceWorker((reload) =>
  notify(workspace.notices, 'info', 'A new version of MQTT Scope is ready.', {
    label: 'Reload',
    run: reload,
  }),
);

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <App workspace={workspace} />
  </StrictMode>,
);
