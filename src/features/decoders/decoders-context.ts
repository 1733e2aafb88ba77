import { createStoreContext } from '../../components/store-context.tsx';
import type { DecoderSettings } from '../../core/decoder-settings.ts';
import type { DecoderStatusStore } from './decoders-store.ts';

/** What the decoder views need; composed by the app from the profiles and the worker. */
export interface DecodersRuntime {
  status: DecoderStatusStore;
  /** Changes the decoder settings saved with a connection's profile (and so the worker's). */
  update(connectionId: string, change: (settings: DecoderSettings) => DecoderSettings): void;
}

export const DecodersContext = createStoreContext<DecodersRuntime>('DecodersContext');
