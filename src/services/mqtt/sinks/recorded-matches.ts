import { META_PUBLISHED } from '../../../core/recorder/message-store.ts';
import type { MessageStore } from '../../../core/recorder/message-store.ts';

/**
 * Calls `visit` for each received (not published) message in the recorder whose topic
 * `matches`, newest first; the filter is decided once per topic. What a sink uses to fill a new
 * watch from history.
 */
export function forEachRecordedMatch(
  store: MessageStore,
  matches: (topic: string) => boolean,
  visit: (messageId: number, topic: string) => void,
): void {
  const verdicts = new Map<number, boolean>();
  for (let message = store.newestId; message >= store.oldestId; message -= 1) {
    const topicId = store.topicIdOf(message);
    let wanted = verdicts.get(topicId);
    if (wanted === undefined) {
      wanted = matches(store.topicName(topicId));
      verdicts.set(topicId, wanted);
    }
    if (!wanted || (store.metaOf(message) & META_PUBLISHED) !== 0) continue;
    visit(message, store.topicName(topicId));
  }
}
