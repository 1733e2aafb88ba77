import { toHex } from '../payload.ts';
import type { DecodedPayload, FormatDecoder, PayloadDecoder } from './types.ts';

/** The last resort: any bytes, shown as hex. */
export const binaryDecoder: PayloadDecoder = {
  id: 'binary',
  canDecode: () => true,
  decode({ payload }, limits) {
    const hexBytes = Math.min(payload.length, Math.max(0, limits.hexBytes));
    return {
      format: 'binary',
      preview: toHex(payload, hexBytes),
      size: payload.length,
      truncated: hexBytes < payload.length,
    };
  },
};

/** Hex because a rule says so, whatever the bytes look like. */
export const binaryFormatDecoder: FormatDecoder = {
  id: 'binary',
  decode: (evidence, limits) => binaryDecoder.decode(evidence, limits) as DecodedPayload,
};
