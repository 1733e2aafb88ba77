import { describe, expect, it } from 'vitest';
import {
  isSparkplugBirthTopic,
  isSparkplugPayloadTopic,
  parseSparkplugTopic,
} from './sparkplug-topic.ts';

describe('parseSparkplugTopic', () => {
  it('splits node and device topics of the spBv1.0 namespace', () => {
    expect(parseSparkplugTopic('spBv1.0/plant/NBIRTH/edge1')).toEqual({
      group: 'plant',
      messageType: 'NBIRTH',
      edgeNode: 'edge1',
      device: null,
    });
    expect(parseSparkplugTopic('spBv1.0/plant/DDATA/edge1/pump')).toEqual({
      group: 'plant',
      messageType: 'DDATA',
      edgeNode: 'edge1',
      device: 'pump',
    });
  });

  it.each(['NBIRTH', 'NDEATH', 'NDATA', 'NCMD'])('takes the node message %s', (type) => {
    expect(isSparkplugPayloadTopic(`spBv1.0/g/${type}/e`)).toBe(true);
    expect(isSparkplugPayloadTopic(`spBv1.0/g/${type}/e/d`)).toBe(false);
  });

  it.each(['DBIRTH', 'DDEATH', 'DDATA', 'DCMD'])('takes the device message %s', (type) => {
    expect(isSparkplugPayloadTopic(`spBv1.0/g/${type}/e/d`)).toBe(true);
    expect(isSparkplugPayloadTopic(`spBv1.0/g/${type}/e`)).toBe(false);
  });

  it.each([
    ['the host STATE topic, which carries JSON', 'spBv1.0/STATE/scada1'],
    ['a STATE message in a group', 'spBv1.0/plant/STATE/host'],
    ['a message type it does not define', 'spBv1.0/plant/NINFO/edge1'],
    ['another namespace', 'spAv1.0/plant/NDATA/edge1'],
    ['an empty group', 'spBv1.0//NDATA/edge1'],
    ['an empty edge node', 'spBv1.0/g/NDATA/'],
    ['an empty edge node before a device', 'spBv1.0/g/DDATA//d'],
    ['an empty device', 'spBv1.0/g/DDATA/e/'],
    ['too many levels', 'spBv1.0/g/DDATA/e/d/extra'],
    ['an ordinary topic', 'demo/sensors/temperature'],
    ['a topic that only starts alike', 'spBv1.0'],
  ])('leaves %s alone', (_name, topic) => {
    expect(parseSparkplugTopic(topic)).toBeNull();
    expect(isSparkplugPayloadTopic(topic)).toBe(false);
  });
});

describe('isSparkplugBirthTopic', () => {
  it('is true for NBIRTH and DBIRTH only', () => {
    expect(isSparkplugBirthTopic('spBv1.0/g/NBIRTH/e')).toBe(true);
    expect(isSparkplugBirthTopic('spBv1.0/g/DBIRTH/e/d')).toBe(true);
    expect(isSparkplugBirthTopic('spBv1.0/g/DDATA/e/d')).toBe(false);
    expect(isSparkplugBirthTopic('demo/NBIRTH')).toBe(false);
  });
});
