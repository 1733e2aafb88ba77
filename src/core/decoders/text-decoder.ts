import type { DecodedPayload, FormatDecoder, PayloadDecoder } from './types.ts';
import { isReadableUtf8, previewEnd, textPreview } from './utf8.ts';

/**
 * UTF-8 text without control characters other than tab, CR and LF. Only the head is read,
 * so a 16 MB text costs the same as a short one. MQTT 5's Payload Format Indicator
 * (§3.3.2.3.2) is only a hint, so the bytes decide.
 */
export const textDecoder: PayloadDecoder = {
  id: 'text',
  canDecode: ({ payload }, limits) =>
    isReadableUtf8(payload, previewEnd(payload, limits.previewBytes)),
  decode({ payload }, limits) {
    const end = previewEnd(payload, limits.previewBytes);
    return {
      format: 'text',
      preview: textPreview(payload, end),
      size: payload.length,
      truncated: end < payload.length,
    };
  },
};

/** Text because a rule says so: readable text is shown as it is, anything else is not text. */
export const textFormatDecoder: FormatDecoder = {
  id: 'text',
  decode(evidence, limits) {
    if (!textDecoder.canDecode(evidence, limits)) throw new Error('it is not readable UTF-8 text');
    return textDecoder.decode(evidence, limits) as DecodedPayload;
  },
};
