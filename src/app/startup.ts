import type { MqttService } from '../services/mqtt/index.ts';
import { connect } from '../features/connection/connection-actions.ts';
import { connectionStore, updateSettings } from '../features/connection/connection-store.ts';
import { subscribe } from '../features/subscriptions/subscription-actions.ts';
import { subscriptionsStore } from '../features/subscriptions/subscriptions-store.ts';
import { addChart, chartsStore } from '../features/charts/charts-store.ts';
import { expandPaths } from '../features/topic-tree/topic-tree-store.ts';
import { DEMO_CHARTS } from './demo-layout.ts';

/** What `npm start` tells the page about the broker it started; absent on plain static hosting. */
interface ScopeConfig {
  brokerUrl: string | null;
  demo: boolean;
  demoFilter: string;
}

const VISITED_KEY = 'mqtt-scope:visited';
const EMBEDDED_URL_KEY = 'mqtt-scope:embedded-broker-url';

async function loadScopeConfig(): Promise<ScopeConfig | null> {
  try {
    const response = await fetch('/scope-config.json', { cache: 'no-store' });
    if (!response.ok) return null;
    return (await response.json()) as ScopeConfig;
  } catch {
    return null;
  }
}

/**
 * Restores the saved session, or on a first visit to `npm start` sets up the demo: connect to
 * the embedded broker, subscribe to the simulator's topics and show its charts.
 */
export async function restoreSession(service: MqttService): Promise<void> {
  for (const { filter, qos } of subscriptionsStore.getState().subscriptions)
    service.subscribe(filter, qos);

  const config = await loadScopeConfig();
  const firstVisit = localStorage.getItem(VISITED_KEY) === null;
  localStorage.setItem(VISITED_KEY, '1');
  const embeddedUrl = config?.brokerUrl ?? null;
  const previousEmbeddedUrl = localStorage.getItem(EMBEDDED_URL_KEY);
  if (embeddedUrl) localStorage.setItem(EMBEDDED_URL_KEY, embeddedUrl);

  if (firstVisit && config && embeddedUrl) {
    updateSettings({ url: embeddedUrl });
    if (config.demo) {
      subscribe(config.demoFilter, 0);
      if (chartsStore.getState().charts.length === 0) DEMO_CHARTS.forEach(addChart);
      expandPaths(['demo']);
    }
    connect();
    return;
  }
  // The embedded broker may have moved to another port since last time: follow it.
  const { settings, wantsConnection } = connectionStore.getState();
  if (embeddedUrl && settings.url === previousEmbeddedUrl && embeddedUrl !== previousEmbeddedUrl) {
    updateSettings({ url: embeddedUrl });
  }
  if (wantsConnection) connect();
}
