import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parsedJson, recordOf } from '../../core/test-arbitraries.ts';
import { memoryStorage } from '../../core/test-storage.ts';
import {
  TEMPLATES_STORAGE_KEY,
  createTemplatesStore,
  deleteTemplate,
  readSavedTemplates,
  saveTemplate,
} from './publish-templates.ts';
import type { PublishTemplate } from './publish-templates.ts';

const template = (name: string, changes: Partial<PublishTemplate> = {}): PublishTemplate => ({
  name,
  topic: 'plant/valve',
  payload: 'on',
  mode: 'text',
  qos: 1,
  retain: false,
  ...changes,
});

describe('publish templates', () => {
  it('are saved by name, replaced by a template of the same name, and read back', () => {
    const { storage } = memoryStorage();
    const store = createTemplatesStore(undefined, storage);
    saveTemplate(store, template('valve on'));
    saveTemplate(store, template('all off', { payload: 'off' }));
    saveTemplate(store, template('valve on', { mode: 'hex', payload: '01' }));
    deleteTemplate(store, 'nothing');
    const reloaded = createTemplatesStore(undefined, storage).getState().templates;
    expect(reloaded.map((t) => [t.name, t.payload])).toEqual([
      ['all off', 'off'],
      ['valve on', '01'],
    ]);
    deleteTemplate(store, 'all off');
    expect(createTemplatesStore(undefined, storage).getState().templates).toHaveLength(1);
  });

  it('a damaged saved entry is dropped alone, and the user is told how many', () => {
    const { storage } = memoryStorage({
      [TEMPLATES_STORAGE_KEY]: JSON.stringify({
        version: 1,
        state: {
          templates: [template('good'), { name: 'bad', topic: 7 }, template('also good')],
        },
      }),
    });
    let told = 0;
    const store = createTemplatesStore((count) => (told = count), storage);
    expect(store.getState().templates.map((t) => t.name)).toEqual(['good', 'also good']);
    expect(told).toBe(1);
  });

  it('reading any saved JSON never throws and keeps only well-formed templates', () => {
    const FIELDS = ['name', 'topic', 'payload', 'mode', 'qos', 'retain'];
    const entry = recordOf(FIELDS, { values: [0, 1, 2, 'x', 'hex', 'file', true, null] });
    const saved = fc.oneof(
      fc.array(entry, { maxLength: 5 }).map((templates) => ({ templates })),
      parsedJson({ keys: ['templates', ...FIELDS] }),
    );
    fc.assert(
      fc.property(saved, (value) => {
        const { kept, dropped } = readSavedTemplates(value);
        for (const t of kept) {
          expect(['text', 'json', 'hex', 'base64']).toContain(t.mode);
          expect([0, 1, 2]).toContain(t.qos);
          expect(t.name.trim()).not.toBe('');
        }
        expect(dropped).toBeGreaterThanOrEqual(0);
      }),
    );
  });
});
