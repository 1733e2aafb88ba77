import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/app.tsx';
import { wireSession } from './app/session-wiring.ts';
import { restoreSession } from './app/startup.ts';
import { syncChartsWithSession } from './features/charts/chart-sync.ts';
import { syncTreeWithSession } from './features/topic-tree/tree-sync.ts';
import { getMqttService } from './services/mqtt/index.ts';
import './app/app.css';

// Start the worker (mqtt.js) and the chart code (recharts) at once, in parallel with the
// first render, rather than when the first chart mounts.
const service = getMqttService();
void import('./features/charts/components/live-chart.tsx');
wireSession(service);
syncChartsWithSession(service);
syncTreeWithSession(service);
void restoreSession(service);

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
