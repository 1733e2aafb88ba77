import { createStoreContext } from '../../components/store-context.tsx';
import type { NoticesStore } from '../../components/ui/notices.tsx';
import type { ConnectionProfile } from '../../core/connection-profile.ts';
import type { ConnectionHandle } from '../../services/mqtt/index.ts';
import type { ConnectionStore } from './connection-store.ts';
import type { ProfilesStore } from './profiles-store.ts';

export interface ConnectionsRuntime {
  profiles: ProfilesStore;
  notices: NoticesStore;
  statusFor(connectionId: string): ConnectionStore;
  handleFor(connectionId: string): ConnectionHandle;
  /** Adds a profile with the stores of its own; `subscriptions` are subscribed at once. */
  add(
    profile: ConnectionProfile,
    subscriptions?: readonly { filter: string; qos: 0 | 1 | 2 }[],
  ): void;
  /** Drops a profile's stores and everything saved for it. */
  remove(connectionId: string): void;
}

export const ConnectionsContext = createStoreContext<ConnectionsRuntime>('ConnectionsContext');
