import { describe, expect, it } from 'vitest';
import { showAsRequest } from './show-as.tsx';

describe('showAsRequest', () => {
  it('asks the worker only for its own decoders', () => {
    for (const choice of ['auto', 'text', 'binary', 'base64'])
      expect(showAsRequest(choice)).toBeNull();
    expect(showAsRequest('cbor')).toEqual({ decoder: 'cbor' });
    expect(showAsRequest('json')).toEqual({ decoder: 'json' });
    expect(showAsRequest('protobuf|m.proto|a.B')).toEqual({
      decoder: 'protobuf',
      schemaId: 'm.proto',
      messageType: 'a.B',
    });
  });
});
