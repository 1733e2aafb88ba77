/**
 * The MQTT 5 PUBLISH properties a user may want to read (MQTT 5.0 §3.3.2.3), as plain data that
 * crosses to the page. mqtt.js hands them over as `packet.properties`; {@link toMessageProperties}
 * keeps the ones the detail view shows and drops the rest.
 */
export interface MessageProperties {
  payloadFormatIndicator?: boolean;
  messageExpiryInterval?: number;
  contentType?: string;
  responseTopic?: string;
  correlationData?: Uint8Array;
  userProperties?: Record<string, string | string[]>;
  subscriptionIdentifier?: number | number[];
  topicAlias?: number;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function stringValues(value: unknown): Record<string, string | string[]> | undefined {
  if (!isRecord(value)) return undefined;
  const out: Record<string, string | string[]> = {};
  let any = false;
  for (const [key, entry] of Object.entries(value)) {
    let kept: string | string[];
    if (typeof entry === 'string') kept = entry;
    // Never String() an element: an imported {"toString": 1} makes it throw.
    else if (Array.isArray(entry)) kept = entry.filter((v): v is string => typeof v === 'string');
    else continue;
    // Defined, not assigned: a key named __proto__ must stay a key, not replace the prototype.
    Object.defineProperty(out, key, {
      value: kept,
      enumerable: true,
      writable: true,
      configurable: true,
    });
    any = true;
  }
  return any ? out : undefined;
}

/** Copies the known properties out of whatever mqtt.js gave; null when there are none. */
export function toMessageProperties(raw: unknown): MessageProperties | null {
  if (!isRecord(raw)) return null;
  const properties: MessageProperties = {};
  if (typeof raw.payloadFormatIndicator === 'boolean')
    properties.payloadFormatIndicator = raw.payloadFormatIndicator;
  if (typeof raw.messageExpiryInterval === 'number')
    properties.messageExpiryInterval = raw.messageExpiryInterval;
  if (typeof raw.contentType === 'string') properties.contentType = raw.contentType;
  if (typeof raw.responseTopic === 'string') properties.responseTopic = raw.responseTopic;
  if (raw.correlationData instanceof Uint8Array)
    properties.correlationData = new Uint8Array(raw.correlationData);
  const userProperties = stringValues(raw.userProperties);
  if (userProperties) properties.userProperties = userProperties;
  const id = raw.subscriptionIdentifier;
  if (typeof id === 'number' || (Array.isArray(id) && id.every((n) => typeof n === 'number')))
    properties.subscriptionIdentifier = id as number | number[];
  if (typeof raw.topicAlias === 'number') properties.topicAlias = raw.topicAlias;
  return Object.keys(properties).length > 0 ? properties : null;
}
