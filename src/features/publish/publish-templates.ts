import { createStore } from 'zustand/vanilla';
import type { StoreApi } from 'zustand/vanilla';
import { createJSONStorage, persist } from 'zustand/middleware';
import type { KeyValueStorage } from '../../core/guarded-storage.ts';
import { PAYLOAD_MODES } from '../../core/publish-payload.ts';
import type { PayloadMode } from '../../core/publish-payload.ts';
import type { QoS } from '../../services/mqtt/index.ts';

/** A message saved under a name, to fill the form with later. A file is never saved. */
export interface PublishTemplate {
  name: string;
  topic: string;
  payload: string;
  mode: PayloadMode;
  qos: QoS;
  retain: boolean;
}

export interface TemplatesState {
  templates: PublishTemplate[];
}

export type TemplatesStore = StoreApi<TemplatesState>;

export const TEMPLATES_STORAGE_KEY = 'mqtt-scope:publish-templates';
export const TEMPLATES_STORAGE_VERSION = 1;
/** Long names are cut: a name labels a menu entry, it is not a document. */
export const TEMPLATE_NAME_LENGTH = 80;

function readTemplate(entry: unknown): PublishTemplate | null {
  if (typeof entry !== 'object' || entry === null) return null;
  const { name, topic, payload, mode, qos, retain } = entry as Record<string, unknown>;
  const knownMode = PAYLOAD_MODES.find((m) => m === mode);
  if (
    typeof name !== 'string' ||
    name.trim() === '' ||
    typeof topic !== 'string' ||
    typeof payload !== 'string' ||
    !knownMode ||
    (qos !== 0 && qos !== 1 && qos !== 2) ||
    typeof retain !== 'boolean'
  ) {
    return null;
  }
  return {
    name: name.slice(0, TEMPLATE_NAME_LENGTH),
    topic,
    payload,
    mode: knownMode,
    qos,
    retain,
  };
}

/**
 * Keeps every well-formed saved template: one damaged entry (a hand edit, a newer version) is
 * dropped alone and counted, so the user can be told.
 */
export function readSavedTemplates(saved: unknown): { kept: PublishTemplate[]; dropped: number } {
  if (saved === undefined) return { kept: [], dropped: 0 };
  const list = (saved as { templates?: unknown } | null)?.templates;
  if (!Array.isArray(list)) return { kept: [], dropped: 1 };
  const kept: PublishTemplate[] = [];
  let dropped = 0;
  for (const entry of list as unknown[]) {
    const template = readTemplate(entry);
    if (!template) dropped += 1;
    else if (!kept.some((t) => t.name === template.name)) kept.push(template);
  }
  return { kept, dropped };
}

/** Saved templates (in `storage`, localStorage unless given), sorted by name. */
export function createTemplatesStore(
  onDropped: (count: number) => void = () => undefined,
  storage?: KeyValueStorage,
): TemplatesStore {
  return createStore<TemplatesState>()(
    persist((): TemplatesState => ({ templates: [] }), {
      name: TEMPLATES_STORAGE_KEY,
      storage: createJSONStorage(() => storage ?? localStorage),
      version: TEMPLATES_STORAGE_VERSION,
      migrate: (saved) => saved as never,
      merge: (saved, current) => {
        const { kept, dropped } = readSavedTemplates(saved);
        if (dropped > 0) onDropped(dropped);
        return { ...current, templates: kept };
      },
    }),
  );
}

/** Saves `template`, replacing one of the same name. */
export function saveTemplate(store: TemplatesStore, template: PublishTemplate): void {
  const name = template.name.trim().slice(0, TEMPLATE_NAME_LENGTH);
  if (name === '') return;
  store.setState(({ templates }) => ({
    templates: [...templates.filter((t) => t.name !== name), { ...template, name }].sort((a, b) =>
      a.name.localeCompare(b.name),
    ),
  }));
}

export function deleteTemplate(store: TemplatesStore, name: string): void {
  store.setState(({ templates }) => ({ templates: templates.filter((t) => t.name !== name) }));
}
