import { describe, expect, it } from 'vitest';
import { guardedStorage, jsonCheckedStorage } from './guarded-storage.ts';
import type { KeyValueStorage } from './guarded-storage.ts';
import { memoryStorage } from './test-storage.ts';

describe('guardedStorage', () => {
  it('reports a write refused for lack of room once, without throwing, until it works again', () => {
    const { storage, map, state } = memoryStorage();
    const failures: string[] = [];
    const saved = guardedStorage(storage, (key, why) => failures.push(`${key} ${why}`));
    state.full = true;
    expect(() => saved.setItem('charts', '[1]')).not.toThrow();
    saved.setItem('charts', '[1,2]');
    saved.setItem('draft', 'x');
    expect(failures).toEqual(['charts full', 'draft full']);
    state.full = false;
    saved.setItem('charts', '[1,2,3]');
    expect(map.get('charts')).toBe('[1,2,3]');
    state.full = true;
    saved.setItem('charts', '[1,2,3,4]');
    expect(failures).toEqual(['charts full', 'draft full', 'charts full']);
  });

  it('tells storage turned off from storage full, and reads nothing from it', () => {
    const failures: string[] = [];
    const off: KeyValueStorage = {
      getItem: () => {
        throw new DOMException('denied', 'SecurityError');
      },
      setItem: () => {
        throw new DOMException('denied', 'SecurityError');
      },
      removeItem: () => undefined,
    };
    const saved = guardedStorage(off, (key, why) => failures.push(`${key} ${why}`));
    expect(saved.getItem('charts')).toBeNull();
    saved.setItem('charts', '[]');
    expect(failures).toEqual(['charts unavailable']);
  });

  it('knows the quota error by its old code too (Safari, Firefox)', () => {
    const failures: string[] = [];
    const { storage, state } = memoryStorage();
    state.full = true;
    state.error = Object.assign(new Error('quota'), { code: 22 });
    guardedStorage(storage, (_key, why) => failures.push(why)).setItem('a', 'b');
    expect(failures).toEqual(['full']);
  });
});

describe('jsonCheckedStorage', () => {
  it('passes JSON through and removes, then reports, an entry that is not JSON', () => {
    const { storage: backing } = memoryStorage({
      good: '{"a":1}',
      torn: '{"subscriptions":[{"fil',
    });
    const unreadable: string[] = [];
    const storage = jsonCheckedStorage(backing, (key) => unreadable.push(key));

    expect(storage.getItem('good')).toBe('{"a":1}');
    expect(storage.getItem('torn')).toBeNull();
    expect(unreadable).toEqual(['torn']);
    expect(backing.getItem('torn')).toBeNull();
    expect(storage.getItem('missing')).toBeNull();
    expect(unreadable).toEqual(['torn']);
  });

  it('skips a write of what is saved already', () => {
    const writes: string[] = [];
    const { storage: backing } = memoryStorage({ k: '[1]' });
    const counting = {
      ...backing,
      setItem: (key: string, value: string) => {
        writes.push(value);
        backing.setItem(key, value);
      },
    };
    const storage = jsonCheckedStorage(counting, () => undefined);
    storage.setItem('k', '[1]');
    storage.setItem('k', '[2]');
    storage.setItem('k', '[2]');
    expect(writes).toEqual(['[2]']);
  });

  it('writes and removes through to the storage beneath', () => {
    const { storage: backing } = memoryStorage();
    const storage = jsonCheckedStorage(backing, () => undefined);
    storage.setItem('k', '[1]');
    expect(backing.getItem('k')).toBe('[1]');
    storage.removeItem('k');
    expect(backing.getItem('k')).toBeNull();
  });
});
