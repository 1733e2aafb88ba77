import { createStoreContext } from '../../components/store-context.tsx';
import type { SubscriptionsStore } from './subscriptions-store.ts';

/** The subscriptions of the connection a view shows. */
export const SubscriptionsContext = createStoreContext<SubscriptionsStore>('SubscriptionsContext');
