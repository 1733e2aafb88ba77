import { useEffect, useState } from 'react';
import { useStore } from 'zustand';
import { DashboardContext } from '../dashboard-context.ts';
import { activeDashboard } from '../dashboard-store.ts';
import { ThemeSelect } from '../../../components/ui/theme-select.tsx';

/** Seconds between dashboards when cycling; 0 is off, the default. */
export const CYCLE_CHOICES = [0, 5, 10, 30, 60, 300] as const;

const choiceLabel = (seconds: number) =>
  seconds === 0 ? 'Off' : seconds < 60 ? `${seconds} s` : `${seconds / 60} min`;

/**
 * The title of the dashboard presented, the exit, and the optional cycling through the
 * dashboards every N seconds (for a screen on a wall).
 */
export function PresentationHeader({ onExit }: { onExit: () => void }) {
  const { store } = DashboardContext.use();
  const dashboard = useStore(store, activeDashboard);
  const count = useStore(store, (state) => state.dashboards.length);
  const [every, setEvery] = useState(0);

  useEffect(() => {
    if (every === 0 || count < 2) return;
    const timer = setInterval(() => {
      store.setState((state) => {
        const at = state.dashboards.findIndex((d) => d.id === activeDashboard(state)?.id);
        const next = state.dashboards[(at + 1) % state.dashboards.length];
        return next ? { activeId: next.id } : {};
      });
    }, every * 1_000);
    return () => clearInterval(timer);
  }, [every, count, store]);

  return (
    <header className="presentation-header">
      <h2 id="presentation-title" aria-live={every > 0 ? 'polite' : undefined}>
        {dashboard?.name ?? 'Dashboard'}
      </h2>
      <div className="presentation-controls">
        {count > 1 && (
          <label className="inline-field">
            Next dashboard every
            <select value={every} onChange={(e) => setEvery(Number(e.target.value))}>
              {CYCLE_CHOICES.map((seconds) => (
                <option key={seconds} value={seconds}>
                  {choiceLabel(seconds)}
                </option>
              ))}
            </select>
          </label>
        )}
        <ThemeSelect />
        <button type="button" className="button-ghost" onClick={onExit}>
          Exit presentation
        </button>
      </div>
    </header>
  );
}
