/**
 * MQTT 5's Content Type (§3.3.2.3.9) is a UTF-8 string the publisher chooses, by convention a
 * MIME type (RFC 6838): `application/cbor`, `application/x-protobuf; messageType=demo.Reading`.
 */

/** The media type alone, in lower case: parameters and spaces dropped. */
export function mediaTypeOf(contentType: string): string {
  const semicolon = contentType.indexOf(';');
  return (semicolon < 0 ? contentType : contentType.slice(0, semicolon)).trim().toLowerCase();
}

/** The structured syntax suffix of a media type (RFC 6839), e.g. `+json`; '' when it has none. */
export function mediaTypeSuffix(mediaType: string): string {
  const plus = mediaType.lastIndexOf('+');
  return plus < 0 || mediaType.indexOf('/') > plus ? '' : mediaType.slice(plus);
}

/**
 * The value of the first parameter named one of `names` (any case), unquoted; null when there
 * is none. `application/x-protobuf; messageType="demo.Reading"` → `demo.Reading`.
 */
export function contentTypeParameter(contentType: string, names: readonly string[]): string | null {
  const wanted = names.map((name) => name.toLowerCase());
  for (const part of contentType.split(';').slice(1)) {
    const equals = part.indexOf('=');
    if (equals < 0) continue;
    const name = part.slice(0, equals).trim().toLowerCase();
    if (!wanted.includes(name)) continue;
    const value = part.slice(equals + 1).trim();
    const unquoted =
      value.length >= 2 && value.startsWith('"') && value.endsWith('"')
        ? value.slice(1, -1)
        : value;
    return unquoted.length > 0 ? unquoted : null;
  }
  return null;
}
