import { describe, expect, it } from 'vitest';
import { csvField, exportHeader, exportLine } from './export-format.ts';
import type { ExportMessage } from './export-format.ts';
import { parseRecording } from './import-format.ts';

const encoder = new TextEncoder();
const message = (overrides: Partial<ExportMessage> = {}): ExportMessage => ({
  time: Date.UTC(2026, 10, 28, 12, 0, 0, 123),
  connection: 'Plant',
  topic: 'plant/a/temp',
  qos: 1,
  retain: false,
  dup: false,
  published: false,
  size: 4,
  cut: false,
  payload: encoder.encode('21.5'),
  properties: null,
  ...overrides,
});

describe('export formats', () => {
  it('writes CSV with quoting, and text or base64 payloads', () => {
    expect(exportHeader('csv', 0)).toBe(
      'time,connection,topic,direction,qos,retain,size,cut,payload_encoding,payload,properties\r\n',
    );
    expect(exportLine('csv', message({ payload: encoder.encode('a,"b"\nc') }))).toBe(
      '2026-11-28T12:00:00.123Z,Plant,plant/a/temp,received,1,false,4,false,text,"a,""b""\nc",\r\n',
    );
    const binary = exportLine('csv', message({ payload: new Uint8Array([0, 255]) }));
    expect(binary).toContain(',base64,AP8=,');
  });

  it('keeps a spreadsheet from running a payload as a formula, but not from reading a number', () => {
    expect(csvField('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvField('-3.5')).toBe('-3.5');
    expect(csvField('+1e3')).toBe('+1e3');
  });

  it('a JSON Lines export opens again with the same messages', () => {
    const sent = [
      message(),
      message({
        time: Date.UTC(2026, 10, 28, 12, 0, 1),
        topic: 'plant/b/raw',
        payload: new Uint8Array([1, 2, 250]),
        retain: true,
        qos: 0,
        published: true,
        properties: {
          contentType: 'application/octet-stream',
          userProperties: { site: 'north' },
          correlationData: new Uint8Array([0xca, 0xfe]),
        },
      }),
    ];
    const file = exportHeader('jsonl', 0) + sent.map((m) => exportLine('jsonl', m)).join('');
    const result = parseRecording(file);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const { messages, connections, skipped } = result.recording;
    expect(skipped).toBe(0);
    expect(connections).toEqual(['Plant']);
    expect(messages).toHaveLength(2);
    expect(messages[0]).toMatchObject({
      topic: 'plant/a/temp',
      qos: 1,
      retain: false,
      published: false,
    });
    expect(new TextDecoder().decode(messages[0]?.payload)).toBe('21.5');
    expect(messages[1]).toMatchObject({ topic: 'plant/b/raw', retain: true, published: true });
    expect([...(messages[1]?.payload ?? [])]).toEqual([1, 2, 250]);
    expect(messages[1]?.properties).toMatchObject({
      contentType: 'application/octet-stream',
      userProperties: { site: 'north' },
    });
    // Correlation data is bytes: written as hex, read back as the same bytes.
    expect([...(messages[1]?.properties?.correlationData ?? [])]).toEqual([0xca, 0xfe]);
    expect(messages[1]?.time).toBe(sent[1]?.time);
  });
});

describe('import', () => {
  it('refuses a file that is not ours, in words', () => {
    for (const text of ['', 'hello', '{"connections":[]}', '[1,2]']) {
      const result = parseRecording(text);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.reason).toMatch(/not an MQTT Scope recording/);
    }
    const csv = parseRecording(exportHeader('csv', 0));
    expect(!csv.ok && csv.reason).toMatch(/CSV export/);
    const newer = parseRecording('{"kind":"mqtt-scope-recording","version":99}\n');
    expect(!newer.ok && newer.reason).toMatch(/newer MQTT Scope/);
  });

  it('keeps what it can of a truncated file and says which lines it skipped', () => {
    const good = exportLine('jsonl', message());
    const file = `${exportHeader('jsonl', 0)}${good}{"ts":1,"topic":"x","qos":7}\n${good}${good.slice(0, 20)}`;
    const result = parseRecording(file);
    expect(result.ok && result.recording.messages.length).toBe(2);
    expect(result.ok && result.recording.skippedLines).toEqual([3, 5]);
  });
});
