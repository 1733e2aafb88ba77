import { createStoreContext } from '../../components/store-context.tsx';
import type { DashboardStore, WidgetDataStore } from './dashboard-store.ts';

/** A connection a widget may read, as the editor lists it. */
export interface WidgetConnection {
  id: string;
  name: string;
}

export interface DashboardRuntime {
  store: DashboardStore;
  data: WidgetDataStore;
  /** Says something to the user (an import refused, a file saved). */
  tell(level: 'info' | 'warn' | 'error', text: string): void;
  /** The connection's broker as `scheme://host:port/path` (never a credential), for a link. */
  brokerUrlFor(connectionId: string): string | null;
}

export const DashboardContext = createStoreContext<DashboardRuntime>('DashboardContext');
