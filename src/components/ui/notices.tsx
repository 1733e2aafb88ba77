import { useStore } from 'zustand';
import { createStore } from 'zustand/vanilla';
import type { StoreApi } from 'zustand/vanilla';

export interface Notice {
  id: number;
  level: 'info' | 'warn' | 'error';
  text: string;
  /** A button beside the text, such as "Reload" for a new version. */
  action?: NoticeAction;
}

export interface NoticeAction {
  label: string;
  run: () => void;
}

export type NoticesStore = StoreApi<{ notices: Notice[] }>;

/** Messages the app tells the user once, such as a saved entry that could not be read. */
export function createNoticesStore(): NoticesStore {
  return createStore(() => ({ notices: [] as Notice[] }));
}

let nextId = 0;

export function notify(
  store: NoticesStore,
  level: Notice['level'],
  text: string,
  action?: NoticeAction,
): void {
  nextId += 1;
  const notice: Notice = action ? { id: nextId, level, text, action } : { id: nextId, level, text };
  store.setState(({ notices }) => ({ notices: [...notices.slice(-4), notice] }));
}

function dismiss(store: NoticesStore, id: number): void {
  store.setState(({ notices }) => ({ notices: notices.filter((notice) => notice.id !== id) }));
}

/** Where notices appear: above the dashboard, until the user dismisses them. */
export function NoticeArea({ store }: { store: NoticesStore }) {
  const notices = useStore(store, (state) => state.notices);
  if (notices.length === 0) return null;
  return (
    <ul className="notices" aria-label="Notices">
      {notices.map((notice) => (
        <li key={notice.id} className={`notice notice-${notice.level}`} role="alert">
          <span>{notice.text}</span>
          {notice.action && (
            <button type="button" className="button-secondary" onClick={notice.action.run}>
              {notice.action.label}
            </button>
          )}
          <button
            type="button"
            className="button-ghost"
            onClick={() => dismiss(store, notice.id)}
            aria-label="Dismiss notice"
          >
            ✕
          </button>
        </li>
      ))}
    </ul>
  );
}
