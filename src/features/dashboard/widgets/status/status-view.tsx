import { sparkplugStateWord } from '../../../../core/sparkplug-states.ts';
import { visibleText } from '../../../../core/visible-text.ts';
import { statusOf } from './status-spec.ts';
import { ago, newest } from '../widget-props.ts';
import type { WidgetViewProps } from '../widget-props.ts';
import { Waiting } from '../waiting.tsx';

/** A word and a colour for what the topic says (online, offline…). */
export function StatusView({ spec, values, now }: WidgetViewProps<'status'>) {
  const reading = newest(values);
  if (!reading) return <Waiting filter={spec.filter} what="a status" />;
  // A Sparkplug node's or device's messages say by their type whether it is up.
  const { label, tone } = statusOf(spec, sparkplugStateWord(reading.topic) ?? reading.text);
  return (
    <div className={`status-tile tone-${tone}`}>
      <output className="status-word" aria-label={`${spec.title || spec.filter} status`}>
        {visibleText(label) || '(empty)'}
      </output>
      <div className="widget-age">updated {ago(now, reading.time)}</div>
    </div>
  );
}
