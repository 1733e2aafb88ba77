import { visibleText } from '../../../core/visible-text.ts';

/** What a widget says before its first value, or when its topics carry no number. */
export function Waiting({ filter, what = 'a value' }: { filter: string; what?: string }) {
  return (
    <p className="widget-waiting">
      Waiting for {what} on <code>{visibleText(filter)}</code>…
    </p>
  );
}
