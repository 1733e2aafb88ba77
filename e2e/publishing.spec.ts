import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import mqtt from 'mqtt';
import type { IPublishPacket, MqttClient } from 'mqtt';
import type { Locator, Page } from '@playwright/test';
import { connectInUi, expect, test } from './support/fixtures.ts';
import { startMosquitto } from './support/mosquitto.ts';
import type { RunningMosquitto } from './support/mosquitto.ts';

/** What Mosquitto announces in its CONNACK to MQTT 5 clients, to test the size check. */
const MAX_PACKET_SIZE = 4_096;

interface Arrival {
  payload: Buffer;
  qos: number;
  retain: boolean;
  properties: IPublishPacket['properties'];
}

/**
 * A Node subscriber that keeps every message per topic. `settle(topic)` publishes a marker to
 * the subscriber itself and waits for it: what the broker delivered before has arrived by then,
 * so a count taken after it is final (no fixed sleep).
 */
class CountingSubscriber {
  readonly arrivals = new Map<string, Arrival[]>();
  private markers = 0;
  private readonly waiting = new Map<string, () => void>();

  private constructor(readonly client: MqttClient) {
    client.on('message', (topic, payload, packet) => {
      const release = this.waiting.get(topic);
      if (release) return release();
      const list = this.arrivals.get(topic) ?? [];
      list.push({ payload, qos: packet.qos, retain: packet.retain, properties: packet.properties });
      this.arrivals.set(topic, list);
    });
  }

  static async start(port: number, topics: string[]): Promise<CountingSubscriber> {
    const client = await mqtt.connectAsync(`mqtt://127.0.0.1:${port}`, {
      clientId: `e2e-counter-${Date.now()}`,
      protocolVersion: 5,
    });
    await client.subscribeAsync(topics, { qos: 2 });
    return new CountingSubscriber(client);
  }

  of(topic: string): Arrival[] {
    return this.arrivals.get(topic) ?? [];
  }

  async settle(): Promise<void> {
    this.markers += 1;
    const marker = `e2e/marker/${this.markers}`;
    const arrived = new Promise<void>((resolve) => this.waiting.set(marker, resolve));
    await this.client.subscribeAsync(marker, { qos: 0 });
    await this.client.publishAsync(marker, 'done', { qos: 0 });
    await arrived;
    this.waiting.delete(marker);
  }

  stop(): Promise<void> {
    return this.client.endAsync();
  }
}

function publishForm(page: Page): Locator {
  return page.getByRole('form', { name: 'Publish' });
}

function lastSent(page: Page): Locator {
  return page.getByRole('list', { name: 'Sent messages' }).getByRole('listitem').first();
}

test.describe('publishing to a real Mosquitto', () => {
  let mosquitto: RunningMosquitto;
  let counter: CountingSubscriber;

  let aclDir: string;

  test.beforeAll(async () => {
    // Anonymous clients may use e2e/... only: a publish elsewhere is refused with a reason code.
    aclDir = mkdtempSync(join(tmpdir(), 'mqtt-scope-acl-'));
    const aclFile = join(aclDir, 'acl');
    writeFileSync(aclFile, 'topic readwrite e2e/#\n');
    mosquitto = await startMosquitto({
      extraConfig: [`max_packet_size ${MAX_PACKET_SIZE}`, `acl_file ${aclFile}`],
    });
  });

  test.afterAll(async () => {
    await mosquitto.stop();
    rmSync(aclDir, { recursive: true, force: true });
  });

  test.beforeEach(async ({ page, scope }) => {
    counter = await CountingSubscriber.start(mosquitto.tcpPort, ['e2e/pub/#']);
    await page.goto(scope.webUrl);
    await connectInUi(page, `${mosquitto.wsUrl}/mqtt`, { protocolVersion: 5 });
  });

  test.afterEach(async () => {
    await counter.stop();
  });

  test('QoS 0 text arrives once with its exact UTF-8 bytes', async ({ page }) => {
    const form = publishForm(page);
    const text = 'héllo ✓ 😀\nline two';
    await form.getByLabel('Topic').fill('e2e/pub/text');
    await form.getByLabel('Encoding').selectOption('text');
    await form.getByLabel('Payload', { exact: true }).fill(text);
    await form.getByLabel('Publish QoS').selectOption('0');
    await form.getByRole('button', { name: 'Publish' }).click();

    await expect(lastSent(page)).toContainText('sent (QoS 0 has no acknowledgement)');
    await expect.poll(() => counter.of('e2e/pub/text').length).toBe(1);
    await counter.settle();
    const arrivals = counter.of('e2e/pub/text');
    expect(arrivals).toHaveLength(1);
    expect(arrivals[0]?.payload.equals(Buffer.from(text, 'utf8'))).toBe(true);
    expect(arrivals[0]?.qos).toBe(0);
  });

  test('QoS 1 hex arrives once as the bytes written, zero and 0xff included', async ({ page }) => {
    const form = publishForm(page);
    await form.getByLabel('Topic').fill('e2e/pub/hex');
    await form.getByLabel('Encoding').selectOption('hex');
    await form.getByLabel('Payload', { exact: true }).fill('00 01 7f 80\nFF fe');
    await form.getByLabel('Publish QoS').selectOption('1');
    await form.getByRole('button', { name: 'Publish' }).click();

    await expect(lastSent(page)).toContainText('acknowledged · PUBACK received');
    await counter.settle();
    const arrivals = counter.of('e2e/pub/hex');
    expect(arrivals).toHaveLength(1);
    expect([...(arrivals[0]?.payload ?? [])]).toEqual([0x00, 0x01, 0x7f, 0x80, 0xff, 0xfe]);
    expect(arrivals[0]?.qos).toBe(1);
  });

  test("QoS 2 sends a file's bytes once, through PUBREC and PUBCOMP", async ({ page }) => {
    const bytes = Buffer.from(Array.from({ length: 1_500 }, (_, i) => (i * 37) % 256));
    const form = publishForm(page);
    await form.getByLabel('Topic').fill('e2e/pub/file');
    await form.getByLabel('Encoding').selectOption('file');
    await form.getByLabel('File to send').setInputFiles({
      name: 'firmware.bin',
      mimeType: 'application/octet-stream',
      buffer: bytes,
    });
    await expect(form).toContainText('firmware.bin · 1.5 KB');
    await form.getByLabel('Publish QoS').selectOption('2');
    await form.getByRole('button', { name: 'Publish' }).click();

    await expect(lastSent(page)).toContainText('PUBCOMP received');
    await expect(lastSent(page)).toContainText('firmware.bin');
    await counter.settle();
    const arrivals = counter.of('e2e/pub/file');
    expect(arrivals).toHaveLength(1);
    expect(arrivals[0]?.payload.equals(bytes)).toBe(true);
    expect(arrivals[0]?.qos).toBe(2);
  });

  test('bad input is refused beside its field and nothing reaches the broker', async ({ page }) => {
    const form = publishForm(page);
    const publish = form.getByRole('button', { name: 'Publish' });

    await form.getByLabel('Topic').fill('e2e/pub/#');
    await expect(form.getByRole('alert')).toContainText("cannot contain the wildcards '+' or '#'");
    await publish.click();
    await expect(form.getByLabel('Topic')).toHaveAttribute('aria-invalid', 'true');

    await form.getByLabel('Topic').fill('');
    await publish.click();
    await expect(form.getByRole('alert')).toHaveText('A topic cannot be empty.');

    await form.getByLabel('Topic').fill('e2e/pub/refused');
    await form.getByLabel('Encoding').selectOption('hex');
    await form.getByLabel('Payload', { exact: true }).fill('01 02 0');
    await expect(form.getByRole('alert')).toContainText('5 digits is an odd number');
    await publish.click();

    await form.getByLabel('Encoding').selectOption('json');
    await form.getByLabel('Payload', { exact: true }).fill('{\n  "a": 1,\n  "b" 2\n}');
    await expect(form.getByRole('alert')).toHaveText(
      `Not JSON: at line 3, column 7 found "2"; expected ':' after the property name.`,
    );
    await publish.click();
    await form.getByRole('button', { name: 'Format' }).click();
    await expect(form.getByLabel('Payload', { exact: true })).toHaveValue(
      '{\n  "a": 1,\n  "b" 2\n}',
    );

    await form.getByLabel('Encoding').selectOption('base64');
    await form.getByLabel('Payload', { exact: true }).fill('AQ*D');
    await expect(form.getByRole('alert')).toContainText('Not base64');
    await publish.click();

    // Larger than the Maximum Packet Size Mosquitto announced in its CONNACK.
    await form.getByLabel('Encoding').selectOption('file');
    await form.getByLabel('File to send').setInputFiles({
      name: 'too-big.bin',
      mimeType: 'application/octet-stream',
      buffer: Buffer.alloc(MAX_PACKET_SIZE),
    });
    await expect(form).toContainText('too-big.bin');
    await publish.click();
    await expect(form.getByRole('alert')).toContainText(
      'the broker accepts at most 4.0 KB (the Maximum Packet Size in its CONNACK)',
    );

    await counter.settle();
    expect([...counter.arrivals.keys()]).toEqual([]);
    await expect(page.getByRole('list', { name: 'Sent messages' })).toHaveCount(0);
  });

  test('JSON is formatted by the Format button and sent as written', async ({ page }) => {
    const form = publishForm(page);
    await form.getByLabel('Topic').fill('e2e/pub/json');
    await form.getByLabel('Encoding').selectOption('json');
    await form.getByLabel('Payload', { exact: true }).fill('{"setpoint":21.5,"modes":["eco"]}');
    await form.getByRole('button', { name: 'Format' }).click();
    const formatted = '{\n  "setpoint": 21.5,\n  "modes": [\n    "eco"\n  ]\n}';
    await expect(form.getByLabel('Payload', { exact: true })).toHaveValue(formatted);
    // Ctrl+Enter sends from the payload field.
    await form.getByLabel('Payload', { exact: true }).press('Control+Enter');

    await expect(lastSent(page)).toContainText('PUBACK received');
    await counter.settle();
    expect(counter.of('e2e/pub/json').map((a) => a.payload.toString())).toEqual([formatted]);
  });

  test('Clear retained makes the broker forget the retained message', async ({ page }) => {
    const form = publishForm(page);
    await form.getByLabel('Topic').fill('e2e/pub/setpoint');
    await form.getByLabel('Encoding').selectOption('text');
    await form.getByLabel('Payload', { exact: true }).fill('22.5');
    await form.getByLabel('Retain').check();
    await form.getByRole('button', { name: 'Publish' }).click();
    await expect(lastSent(page)).toContainText('PUBACK received');

    await form.getByRole('button', { name: 'Clear retained' }).click();
    await expect(lastSent(page)).toContainText('clears retained');
    await expect(lastSent(page)).toContainText('PUBACK received');

    // A new subscriber gets no retained message any more.
    const late = await CountingSubscriber.start(mosquitto.tcpPort, ['e2e/pub/setpoint']);
    await late.settle();
    expect(late.of('e2e/pub/setpoint')).toEqual([]);
    await late.stop();
    await counter.settle();
    expect(counter.of('e2e/pub/setpoint').map((a) => a.payload.length)).toEqual([4, 0]);
  });

  test('a sent message is sent again, or loaded back into the form, in one click', async ({
    page,
  }) => {
    const form = publishForm(page);
    await form.getByLabel('Topic').fill('e2e/pub/again');
    await form.getByLabel('Encoding').selectOption('hex');
    await form.getByLabel('Payload', { exact: true }).fill('ca fe');
    await form.getByRole('button', { name: 'Publish' }).click();
    await expect(lastSent(page)).toContainText('PUBACK received');

    await page.getByRole('button', { name: 'Send again to e2e/pub/again' }).first().click();
    const sent = page.getByRole('list', { name: 'Sent messages' }).getByRole('listitem');
    await expect(sent).toHaveCount(2);
    await expect(sent.first()).toContainText('PUBACK received');

    await form.getByLabel('Topic').fill('elsewhere');
    await form.getByLabel('Encoding').selectOption('text');
    await page.getByRole('button', { name: 'Edit the message to e2e/pub/again' }).first().click();
    await expect(form.getByLabel('Topic')).toHaveValue('e2e/pub/again');
    await expect(form.getByLabel('Encoding')).toHaveValue('hex');
    await expect(form.getByLabel('Payload', { exact: true })).toHaveValue('ca fe');

    await counter.settle();
    expect(counter.of('e2e/pub/again').map((a) => a.payload.toString('hex'))).toEqual([
      'cafe',
      'cafe',
    ]);
  });

  test('templates are saved by name, survive a reload, and a damaged one is dropped alone', async ({
    page,
  }) => {
    const form = publishForm(page);
    await form.getByLabel('Topic').fill('e2e/pub/valve');
    await form.getByLabel('Encoding').selectOption('hex');
    await form.getByLabel('Payload', { exact: true }).fill('01 ff');
    await form.getByLabel('Publish QoS').selectOption('2');
    const templates = page.getByRole('form', { name: 'Templates' });
    await templates.getByLabel('Template name').fill('valve open');
    await templates.getByRole('button', { name: 'Save template' }).click();
    await expect(templates.getByLabel('Template', { exact: true })).toHaveValue('valve open');

    await page.evaluate(() => {
      const key = 'mqtt-scope:publish-templates';
      const saved = JSON.parse(localStorage.getItem(key) ?? '{}') as {
        state: { templates: unknown[] };
      };
      saved.state.templates.push({ name: 'broken', topic: 42 });
      localStorage.setItem(key, JSON.stringify(saved));
    });
    await page.reload();
    await expect(
      page.getByText('1 saved template(s) could not be read and were removed.'),
    ).toBeVisible();

    await form.getByLabel('Topic').fill('somewhere/else');
    await templates.getByLabel('Template', { exact: true }).selectOption('valve open');
    await expect(form.getByLabel('Topic')).toHaveValue('e2e/pub/valve');
    await expect(form.getByLabel('Encoding')).toHaveValue('hex');
    await expect(form.getByLabel('Payload', { exact: true })).toHaveValue('01 ff');
    await expect(form.getByLabel('Publish QoS')).toHaveValue('2');
  });

  test('a publish the broker refuses shows the MQTT 5 reason code in words', async ({ page }) => {
    const form = publishForm(page);
    await form.getByLabel('Topic').fill('secret/door');
    await form.getByLabel('Encoding').selectOption('text');
    await form.getByLabel('Payload', { exact: true }).fill('open');
    await form.getByLabel('Publish QoS').selectOption('1');
    await form.getByRole('button', { name: 'Publish' }).click();
    await expect(lastSent(page)).toContainText(
      'refused: The broker did not accept the message: not authorised (code 135 / 0x87)',
    );
  });

  test('MQTT 5 properties arrive intact at an MQTT 5 subscriber', async ({ page }) => {
    const form = publishForm(page);
    await form.getByLabel('Topic', { exact: true }).fill('e2e/pub/props');
    await form.getByLabel('Encoding').selectOption('json');
    await form.getByLabel('Payload', { exact: true }).fill('{"t":21.5}');
    await form.getByText('MQTT 5 properties').click();
    await form.getByLabel('Content type').fill('application/json');
    await form.getByLabel('Payload format indicator').selectOption('utf8');
    await form.getByLabel('Message expiry (seconds)').fill('300');
    await form.getByLabel('Response topic').fill('e2e/pub/replies');
    await form.getByLabel('Correlation data', { exact: true }).fill('0a 0b ff');
    await form.getByLabel('Written as').selectOption('hex');
    await form.getByRole('button', { name: 'Add user property' }).click();
    await form.getByLabel('User property 1 name').fill('site');
    await form.getByLabel('User property 1 value').fill('north');
    await form.getByRole('button', { name: 'Add user property' }).click();
    await form.getByLabel('User property 2 name').fill('site');
    await form.getByLabel('User property 2 value').fill('süd ✓');
    // Mosquitto's CONNACK allows topic aliases 1 to 10.
    await form.getByLabel('Topic alias').fill('99');
    await form.getByRole('button', { name: 'Publish' }).click();
    await expect(form.getByRole('alert')).toContainText('from 1 to 10');
    await form.getByLabel('Topic alias').fill('3');
    await form.getByRole('button', { name: 'Publish' }).click();
    await expect(lastSent(page)).toContainText('PUBACK received');

    await counter.settle();
    const arrivals = counter.of('e2e/pub/props');
    expect(arrivals).toHaveLength(1);
    const properties = arrivals[0]?.properties ?? {};
    expect(properties.contentType).toBe('application/json');
    expect(properties.payloadFormatIndicator).toBe(true);
    expect(properties.messageExpiryInterval).toBeGreaterThan(290);
    expect(properties.messageExpiryInterval).toBeLessThanOrEqual(300);
    expect(properties.responseTopic).toBe('e2e/pub/replies');
    expect([...(properties.correlationData ?? [])]).toEqual([0x0a, 0x0b, 0xff]);
    expect(properties.userProperties).toEqual({ site: ['north', 'süd ✓'] });
    expect(arrivals[0]?.payload.toString()).toBe('{"t":21.5}');
  });

  test('on an MQTT 3.1.1 connection the form says properties are not sent', async ({ page }) => {
    await connectInUi(page, `${mosquitto.wsUrl}/mqtt`, { protocolVersion: 4 });
    const form = publishForm(page);
    await form.getByText('MQTT 5 properties').click();
    await expect(form).toContainText('Properties are part of MQTT 5 only');
    await expect(form.getByLabel('Content type')).toHaveCount(0);
  });

  test('a request is answered: the reply shows beside it with the round-trip time', async ({
    page,
  }) => {
    // A Node responder: a decoy with other correlation data first, then the echo.
    const responder = await mqtt.connectAsync(`mqtt://127.0.0.1:${mosquitto.tcpPort}`, {
      protocolVersion: 5,
    });
    responder.on('message', (_topic, payload, packet) => {
      const { responseTopic, correlationData } = packet.properties ?? {};
      if (!responseTopic || !correlationData) return;
      void responder
        .publishAsync(responseTopic, 'decoy', {
          qos: 1,
          properties: { correlationData: Buffer.from('someone else') },
        })
        .then(() =>
          responder.publishAsync(responseTopic, `echo: ${payload.toString()}`, {
            qos: 1,
            properties: { correlationData },
          }),
        );
    });
    await responder.subscribeAsync('e2e/pub/request', { qos: 1 });

    try {
      const form = publishForm(page);
      await form.getByLabel('Topic', { exact: true }).fill('e2e/pub/request');
      await form.getByLabel('Encoding').selectOption('text');
      await form.getByLabel('Payload', { exact: true }).fill('ping');
      await form.getByText('MQTT 5 properties').click();
      await form.getByLabel('Response topic').fill('e2e/pub/reply/ui');
      await form.getByLabel('Wait for the reply').check();
      // Refused (Mosquitto allows topic aliases 1 to 10): said, and nothing is sent.
      await form.getByLabel('Topic alias').fill('99');
      await form.getByRole('button', { name: 'Publish' }).click();
      await expect(form.getByRole('alert')).toContainText('from 1 to 10');
      await expect(page.getByRole('list', { name: 'Sent messages' })).toHaveCount(0);
      await form.getByLabel('Topic alias').fill('');
      await form.getByRole('button', { name: 'Publish' }).click();

      // No correlation data was given: one was made up, and shown.
      await expect(form.getByLabel('Correlation data', { exact: true })).toHaveValue(
        /^([0-9a-f]{2} ){7}[0-9a-f]{2}$/,
      );
      await expect(lastSent(page)).toContainText(
        /reply after \d+ ms on e2e\/pub\/reply\/ui: echo: ping/,
      );
      await expect(lastSent(page)).not.toContainText('decoy');
      await expect(
        page.getByRole('list', { name: 'Active subscriptions' }).getByText('e2e/pub/reply/ui'),
      ).toBeVisible();
    } finally {
      await responder.endAsync();
    }
  });

  test('the repeat publisher sends exactly M messages, numbered, and stops', async ({ page }) => {
    const form = publishForm(page);
    await form.getByLabel('Topic', { exact: true }).fill('e2e/pub/repeat');
    await form.getByLabel('Encoding').selectOption('text');
    await form.getByLabel('Payload', { exact: true }).fill('n={{counter}} t={{timestamp}}');
    await form.getByLabel('Publish QoS').selectOption('1');
    await page.getByText('Repeat', { exact: true }).click();
    await page.getByLabel('Every (ms)').fill('20');
    await page.getByLabel('Times (empty: until stopped)').fill('25');
    await page.getByRole('button', { name: 'Start repeating' }).click();

    const progress = page.getByRole('status', { name: 'Repeat progress' });
    await expect(progress).toContainText('Done: 25 of 25 sent');
    await expect(progress).toContainText('/s');
    await expect.poll(() => counter.of('e2e/pub/repeat').length).toBe(25);
    await counter.settle();
    const payloads = counter.of('e2e/pub/repeat').map((a) => a.payload.toString());
    expect(payloads).toHaveLength(25);
    expect(payloads.map((p) => p.split(' ')[0])).toEqual(
      Array.from({ length: 25 }, (_, i) => `n=${i + 1}`),
    );

    // Until stopped: what the status says was sent is what arrived.
    await page.getByLabel('Times (empty: until stopped)').fill('');
    await page.getByLabel('Every (ms)').fill('50');
    await page.getByRole('button', { name: 'Start repeating' }).click();
    await expect.poll(() => counter.of('e2e/pub/repeat').length).toBeGreaterThan(30);
    await page.getByRole('button', { name: 'Stop', exact: true }).click();
    await expect(progress).toContainText('Stopped:');
    const shown = Number(/Stopped: ([\d,]+) sent/.exec((await progress.textContent()) ?? '')?.[1]);
    await expect.poll(() => counter.of('e2e/pub/repeat').length).toBe(25 + shown);
    await counter.settle();
    expect(counter.of('e2e/pub/repeat')).toHaveLength(25 + shown);
  });

  test('a repeat with an unknown placeholder is refused by name and sends nothing', async ({
    page,
  }) => {
    const form = publishForm(page);
    await form.getByLabel('Topic', { exact: true }).fill('e2e/pub/repeat-bad');
    await form.getByLabel('Encoding').selectOption('text');
    await form.getByLabel('Payload', { exact: true }).fill('{{counter}} {{temprature}}');
    await page.getByText('Repeat', { exact: true }).click();
    await page.getByRole('button', { name: 'Start repeating' }).click();
    await expect(page.getByRole('alert')).toContainText('Unknown placeholder {{temprature}}');
    await counter.settle();
    expect(counter.of('e2e/pub/repeat-bad')).toEqual([]);
    await expect(page.getByRole('status', { name: 'Repeat progress' })).toHaveCount(0);
  });

  test('the publish panel, opened out, has no serious accessibility violation', async ({
    page,
  }) => {
    const form = publishForm(page);
    await form.getByLabel('Topic', { exact: true }).fill('e2e/pub/a11y');
    await form.getByLabel('Encoding').selectOption('json');
    await form.getByLabel('Payload', { exact: true }).fill('{"a":');
    await form.getByText('MQTT 5 properties').click();
    await form.getByLabel('Response topic').fill('e2e/pub/a11y/reply');
    await form.getByRole('button', { name: 'Add user property' }).click();
    await page.getByText('Repeat', { exact: true }).click();
    await page.getByRole('form', { name: 'Templates' }).getByLabel('Template name').fill('x');
    await page.getByRole('form', { name: 'Templates' }).getByRole('button').click();
    await form.getByLabel('Payload', { exact: true }).fill('{"a":1}');
    await form.getByRole('button', { name: 'Publish' }).click();
    await expect(lastSent(page)).toContainText('PUBACK received');

    const results = await new AxeBuilder({ page }).include('form[aria-label="Publish"]').analyze();
    const panel = await new AxeBuilder({ page })
      .include('.publish-repeat')
      .include('.publish-templates')
      .include('.publish-history')
      .analyze();
    const serious = [...results.violations, ...panel.violations]
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
    expect(serious).toEqual([]);
  });
});
