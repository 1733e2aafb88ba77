import { createStoreContext } from '../../components/store-context.tsx';
import type { TopicTreeStore } from './topic-tree-store.ts';

/** The topic tree of the connection a view shows. */
export const TopicTreeContext = createStoreContext<TopicTreeStore>('TopicTreeContext');
