import { useState } from 'react';
import type { FormEvent, KeyboardEvent } from 'react';
import { useStore } from 'zustand';
import { QosSelect } from '../../../components/ui/qos-select.tsx';
import { payloadProblem, preparePublish, topicProblem } from '../prepare-publish.ts';
import { toHex } from '../../../core/payload.ts';
import { updateDraft, updateProperties } from '../publish-store.ts';
import type { AttachedFile, PublishDraft } from '../publish-store.ts';
import { PublishContext } from '../publish-context.ts';
import { limitsOf, sendMessage } from '../send-message.ts';
import { PayloadField } from './payload-field.tsx';
import { PropertiesSection } from './properties-section.tsx';

/** A refusal from the last attempt, shown until the draft or the file changes. */
interface Refusal {
  field: 'topic' | 'payload' | 'properties';
  reason: string;
  draft: PublishDraft;
  file: AttachedFile | null;
}

const TOPIC_PROBLEM_ID = 'publish-topic-problem';

function wantsReply({ properties }: PublishDraft): boolean {
  return properties.awaitReply && properties.responseTopic !== '';
}

/** The publish form: topic, payload, QoS and retain; Ctrl+Enter sends from anywhere in it. */
export function PublishForm({ connectionId }: { connectionId: string }) {
  const runtime = PublishContext.use();
  const { store } = runtime;
  const draft = useStore(store, (state) => state.draft);
  const file = useStore(store, (state) => state.file);
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const v5 = useStore(
    runtime.statusFor(connectionId),
    ({ status }) => status.status === 'connected' && status.protocolVersion === 5,
  );

  const current = refusal && refusal.draft === draft && refusal.file === file ? refusal : null;
  // Said as the user types: a wildcard, an over-long topic; an empty one only once refused.
  const topicReason =
    (draft.topic.length > 0 ? topicProblem(draft.topic) : null) ??
    (current?.field === 'topic' ? current.reason : null);
  const payloadReason =
    (draft.mode !== 'text' && draft.mode !== 'file' && draft.payload.length > 0
      ? payloadProblem(draft, file)
      : null) ?? (current?.field === 'payload' ? current.reason : null);

  const send = (options: { empty?: boolean } = {}) => {
    const limits = limitsOf(runtime, connectionId);
    let sent = draft;
    const awaitReply = limits.v5 && !options.empty && wantsReply(draft);
    // A reply is matched by correlation data: a request that has none gets a random one.
    if (awaitReply && draft.properties.correlationData === '') {
      const correlationData = toHex(crypto.getRandomValues(new Uint8Array(8)));
      updateProperties(store, { correlationData, correlationMode: 'hex' });
      // The draft as now shown: a refusal below stays on screen while it is unchanged.
      sent = store.getState().draft;
    }
    const prepared = preparePublish(sent, file, limits, options);
    if (!prepared.ok) {
      setRefusal({ field: prepared.field, reason: prepared.reason, draft: sent, file });
      return;
    }
    setRefusal(null);
    const payload = options.empty
      ? { mode: 'text' as const, text: '', file: null, bytes: prepared.bytes }
      : {
          mode: sent.mode,
          text: sent.mode === 'file' ? '' : sent.payload,
          file: sent.mode === 'file' ? file : null,
          bytes: prepared.bytes,
        };
    sendMessage(runtime, connectionId, {
      topic: prepared.topic,
      qos: sent.qos,
      retain: options.empty ? true : sent.retain,
      payload,
      ...(prepared.properties
        ? { properties: prepared.properties, propertiesDraft: sent.properties }
        : {}),
      awaitReply,
    });
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    send();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLFormElement>) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      event.currentTarget.requestSubmit();
    }
  };

  return (
    <form
      className="form"
      onSubmit={onSubmit}
      onKeyDown={onKeyDown}
      aria-label="Publish"
      aria-keyshortcuts="Control+Enter"
    >
      <label className="field">
        <span>Topic</span>
        <input
          value={draft.topic}
          onChange={(event) => updateDraft(store, { topic: event.target.value })}
          spellCheck={false}
          aria-invalid={topicReason ? true : undefined}
          aria-describedby={topicReason ? TOPIC_PROBLEM_ID : undefined}
        />
      </label>
      {topicReason && (
        <p id={TOPIC_PROBLEM_ID} className="field-error" role="alert">
          {topicReason}
        </p>
      )}
      <PayloadField
        store={store}
        problem={payloadReason}
        onFormatFailed={(reason) => setRefusal({ field: 'payload', reason, draft, file })}
      />
      <PropertiesSection
        store={store}
        v5={v5}
        problem={current?.field === 'properties' ? current.reason : null}
      />
      <div className="publish-options">
        <QosSelect
          label="Publish QoS"
          value={draft.qos}
          onChange={(qos) => updateDraft(store, { qos })}
        />
        <label className="checkbox">
          <input
            type="checkbox"
            checked={draft.retain}
            onChange={(event) => updateDraft(store, { retain: event.target.checked })}
          />
          <span>Retain</span>
        </label>
      </div>
      <div className="publish-actions">
        <button
          type="button"
          className="button-secondary"
          onClick={() => send({ empty: true })}
          title="Publishes an empty retained message, which makes the broker forget the retained one"
        >
          Clear retained
        </button>
        <button type="submit" className="button-primary" title="Ctrl+Enter">
          Publish
        </button>
      </div>
    </form>
  );
}
