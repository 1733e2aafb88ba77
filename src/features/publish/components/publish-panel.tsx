import { Panel } from '../../../components/ui/panel.tsx';
import { PublishForm } from './publish-form.tsx';
import { RepeatSection } from './repeat-section.tsx';
import { SentMessages } from './sent-messages.tsx';
import { TemplatesBar } from './templates-bar.tsx';
import './publish.css';

interface PublishPanelProps {
  /** Messages go out on this connection: the one in focus. */
  connection: { id: string; name: string };
}

export function PublishPanel({ connection }: PublishPanelProps) {
  return (
    <Panel title="Publish" actions={<span className="panel-context">{connection.name}</span>}>
      <PublishForm connectionId={connection.id} />
      <RepeatSection connectionId={connection.id} />
      <TemplatesBar />
      <SentMessages connectionId={connection.id} />
    </Panel>
  );
}
