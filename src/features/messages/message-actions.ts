import { getMqttService } from '../../services/mqtt/index.ts';
import { clearMessages, messagesStore, setPaused } from './messages-store.ts';

/**
 * Stops the list to be read. Live batches carry only the newest rows, so the worker is asked
 * for its whole history: the paused list then has no gaps.
 */
export function pauseStream(): void {
  if (messagesStore.getState().paused) return;
  setPaused(true);
  getMqttService().requestHistory();
}

export function resumeStream(): void {
  setPaused(false);
  getMqttService().requestHistory();
}

export function clearStream(): void {
  clearMessages();
  getMqttService().clearMessages();
}
