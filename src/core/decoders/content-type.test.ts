import { describe, expect, it } from 'vitest';
import { contentTypeParameter, mediaTypeOf, mediaTypeSuffix } from './content-type.ts';

describe('mediaTypeOf', () => {
  it('drops parameters and spaces and ignores case', () => {
    expect(mediaTypeOf('application/cbor')).toBe('application/cbor');
    expect(mediaTypeOf(' Application/JSON ; charset=utf-8')).toBe('application/json');
    expect(mediaTypeOf('')).toBe('');
  });
});

describe('mediaTypeSuffix', () => {
  it('finds a structured syntax suffix (RFC 6839)', () => {
    expect(mediaTypeSuffix('application/senml+cbor')).toBe('+cbor');
    expect(mediaTypeSuffix('application/ld+json')).toBe('+json');
    expect(mediaTypeSuffix('application/json')).toBe('');
    expect(mediaTypeSuffix('odd+type/plain')).toBe('');
  });
});

describe('contentTypeParameter', () => {
  it('reads a parameter by any of its names, unquoted', () => {
    const type = 'application/x-protobuf; messageType="demo.Reading"';
    expect(contentTypeParameter(type, ['messagetype', 'proto'])).toBe('demo.Reading');
    expect(contentTypeParameter('application/x-protobuf;proto=a.B', ['proto'])).toBe('a.B');
  });

  it('is null when the parameter is absent or empty', () => {
    expect(contentTypeParameter('application/x-protobuf', ['proto'])).toBeNull();
    expect(contentTypeParameter('application/x-protobuf; proto=', ['proto'])).toBeNull();
    expect(contentTypeParameter('application/x-protobuf; charset', ['proto'])).toBeNull();
  });
});
