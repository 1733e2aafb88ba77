import type { PayloadDecoder } from './types.ts';

/** A zero-byte payload: often a retained message being cleared (MQTT 3.1.1 §3.3.1.3). */
export const emptyDecoder: PayloadDecoder = {
  id: 'empty',
  canDecode: ({ payload }) => payload.length === 0,
  decode: () => ({ format: 'empty', preview: '', size: 0, truncated: false }),
};
