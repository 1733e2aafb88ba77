import AxeBuilder from '@axe-core/playwright';
import { encode as encodeCbor } from 'cborg';
import type { Page } from '@playwright/test';
import protobuf from 'protobufjs';
import sparkplug from 'sparkplug-payload';
import {
  expect,
  openDashboard,
  openQuietDashboard,
  subscribeInUi,
  test,
} from './support/fixtures.ts';

const codec = sparkplug.get('spBv1.0');
if (!codec) throw new Error('sparkplug-payload has no spBv1.0 codec');

const METER_PROTO = `syntax = "proto3";
package demo;
message Reading {
  string meter = 1;
  double kwh = 2;
  repeated int32 phases = 3;
}
`;

const messages = (page: Page) => page.getByRole('grid', { name: 'Messages' });
const details = (page: Page) => page.getByRole('region', { name: 'Message details' });
const rowOf = (page: Page, topic: string) =>
  messages(page).getByRole('row').filter({ hasText: topic }).first();

async function openDecoders(page: Page) {
  await page.getByRole('button', { name: 'Decoders…' }).click();
  const dialog = page.getByRole('dialog', { name: /^Decoders/ });
  await expect(dialog).toBeVisible();
  return dialog;
}

async function uploadProto(page: Page, name: string, text: string) {
  const dialog = await openDecoders(page);
  await dialog
    .getByLabel('Upload a .proto file')
    .setInputFiles({ name, mimeType: 'text/plain', buffer: Buffer.from(text) });
  return dialog;
}

test.describe('payload decoders', () => {
  test('the demo shows Sparkplug B metrics and the CBOR meter decoded, not as hex', async ({
    page,
    scope,
  }) => {
    // A first visit subscribes to the Sparkplug namespace beside demo/# (the quiet dashboard
    // unsubscribes from both), with a rule that reads demo/cbor/# as CBOR.
    await openQuietDashboard(page, scope);
    await expect(page.getByRole('region', { name: 'Decoders' })).toContainText('1 rule');
    await subscribeInUi(page, 'spBv1.0/plant1/#');
    await subscribeInUi(page, 'demo/cbor/#');

    // DDATA carries aliases only; before a BIRTH is seen the metrics are read by alias.
    const tank = rowOf(page, 'spBv1.0/plant1/DDATA/line1-edge/tank-01');
    await expect(tank).toContainText(/alias 21: -?\d|Temperature: -?\d/);
    await expect(tank.getByRole('gridcell').nth(2)).toHaveAttribute(
      'title',
      'Decoded as Sparkplug B',
    );
    // Asked from the Topics panel for its births (Node Control/Rebirth), the node names them.
    await page
      .getByRole('button', { name: 'Rebirth plant1/line1-edge: ask it for its BIRTH messages' })
      .click();
    await expect(tank).toContainText(
      /Level: -?\d[\d.]*, Temperature: -?\d[\d.]*, Inlet Valve: (true|false)/,
    );

    const meter = rowOf(page, 'demo/cbor/em-01/energy');
    await expect(meter).toContainText(/"power_W":\s?\d/);
    await expect(meter.getByRole('gridcell').nth(2)).toHaveAttribute('title', 'Decoded as CBOR');

    // The detail shows the metrics as a tree, with their datatypes and aliases.
    await page.getByRole('button', { name: 'Pause' }).click();
    await rowOf(page, 'spBv1.0/plant1/DDATA/line1-edge/tank-01').click();
    await expect(details(page)).toContainText('tank-01');
    const tree = details(page).getByRole('tree', { name: 'Payload as Sparkplug B' });
    await expect(tree).toBeVisible();
    await expect(tree).toContainText('Temperature');
    await expect(tree).toContainText('Float');
    await expect(details(page)).toContainText(/seq \d+ · sent \d\d:\d\d:\d\d/);
    await expect(tree.getByRole('treeitem', { name: 'alias: 21' })).toBeVisible();

    // A metric by name is a chart series, like a JSON field.
    await details(page).getByRole('button', { name: 'Chart metrics.Temperature.value' }).click();
    const chart = page.getByRole('figure', {
      name: 'Chart metrics.Temperature.value · spBv1.0/plant1/DDATA/line1-edge/tank-01',
    });
    await expect
      .poll(async () => Number(await chart.getAttribute('data-points')), { timeout: 10_000 })
      .toBeGreaterThan(0);
  });

  test('a first visit charts a Sparkplug metric by name and a CBOR field', async ({
    page,
    scope,
  }) => {
    await openDashboard(page, scope);
    // The page asked the demo node for its BIRTHs, so its aliases have names to chart by.
    for (const title of ['Tank temperature (Sparkplug B)', 'Meter power (CBOR)']) {
      const chart = page.getByRole('figure', { name: `Chart ${title}` });
      await expect
        .poll(async () => Number(await chart.getAttribute('data-points')), { timeout: 10_000 })
        .toBeGreaterThan(0);
    }
    await expect(page.getByRole('list', { name: 'Sparkplug B nodes' })).toContainText(
      'plant1/line1-edge',
    );
  });

  test('Sparkplug BIRTH and DEATH show a node and its device online, then offline', async ({
    page,
    scope,
    nodeClient,
  }) => {
    await openQuietDashboard(page, scope);
    await subscribeInUi(page, 'spBv1.0/E2E/#');
    const birth = (name: string) =>
      Buffer.from(codec.encodePayload({ seq: 0, metrics: [{ name, type: 'Float', value: 1.5 }] }));
    await nodeClient.publishAsync('spBv1.0/E2E/NBIRTH/edge-9', birth('Uptime'));
    await nodeClient.publishAsync('spBv1.0/E2E/DBIRTH/edge-9/dev-1', birth('Level'));
    const nodes = page.getByRole('list', { name: 'Sparkplug B nodes' });
    const device = nodes.getByRole('listitem').filter({ hasText: 'dev-1' });
    const node = nodes.getByRole('listitem').filter({ hasText: 'E2E/edge-9' });
    await expect(device).toContainText('online · DBIRTH');
    await expect(node).toContainText('online · NBIRTH');
    await nodeClient.publishAsync(
      'spBv1.0/E2E/NDEATH/edge-9',
      Buffer.from(codec.encodePayload({ metrics: [] })),
    );
    await expect(node).toContainText('offline · NDEATH');
    await expect(device).toContainText('offline · NDEATH');
  });

  test('a status tile shows a Sparkplug node online from its BIRTH and offline from its DEATH', async ({
    page,
    scope,
    nodeClient,
  }) => {
    await openQuietDashboard(page, scope);
    await subscribeInUi(page, 'spBv1.0/E2E/#');
    await page.getByRole('button', { name: 'Edit dashboard' }).click();
    await page.getByLabel('Widget kind').selectOption('status');
    await page.getByRole('button', { name: '+ Add widget' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add status tile' });
    await dialog.getByLabel('Title').fill('Edge 7');
    // The node's own messages and its devices': the newest says whether it is up.
    await dialog.getByLabel('Topic filter').fill('spBv1.0/E2E/+/edge-7/#');
    await dialog.getByRole('button', { name: 'Add widget' }).click();
    await expect(dialog).toBeHidden();

    const tile = page.getByRole('status', { name: 'Edge 7 status' });
    await nodeClient.publishAsync(
      'spBv1.0/E2E/NBIRTH/edge-7',
      Buffer.from(
        codec.encodePayload({ seq: 0, metrics: [{ name: 'bdSeq', type: 'UInt64', value: 4 }] }),
      ),
    );
    await expect(tile).toHaveText('Online');
    await nodeClient.publishAsync(
      'spBv1.0/E2E/NDEATH/edge-7',
      Buffer.from(codec.encodePayload({ metrics: [{ name: 'bdSeq', type: 'UInt64', value: 4 }] })),
    );
    await expect(tile).toHaveText('Offline');
  });

  test('a plain number stays text, and a malformed Sparkplug payload is hex with a note', async ({
    page,
    scope,
    nodeClient,
  }) => {
    await openQuietDashboard(page, scope);
    await subscribeInUi(page, 'e2e/plain/#');
    await subscribeInUi(page, 'spBv1.0/G/#');
    await nodeClient.publishAsync('e2e/plain/value', '55.49');
    const plain = rowOf(page, 'e2e/plain/value');
    await expect(plain).toContainText('55.49');
    await expect(plain).not.toContainText('Could not decode');

    await nodeClient.publishAsync(
      'spBv1.0/G/DDATA/n/d',
      Buffer.from([0xff, 0xff, 0xff, 0x07, 0x13, 0x37]),
    );
    const broken = rowOf(page, 'spBv1.0/G/DDATA/n/d');
    await expect(broken).toContainText('Could not decode as Sparkplug B');
    await expect(broken).toContainText('ff ff ff 07 13 37');
    // The stream keeps flowing after it.
    await nodeClient.publishAsync('e2e/plain/after', 'still here');
    await expect(rowOf(page, 'e2e/plain/after')).toContainText('still here');
    await broken.click();
    await expect(details(page).getByRole('note')).toContainText('Could not decode as Sparkplug B');
  });

  test('"show as" hex changes the detail of a JSON message', async ({
    page,
    scope,
    nodeClient,
  }) => {
    await openQuietDashboard(page, scope);
    await subscribeInUi(page, 'e2e/json/#');
    await nodeClient.publishAsync('e2e/json/doc', '{"a":1}');
    await rowOf(page, 'e2e/json/doc').click();
    await expect(details(page).getByRole('tree', { name: 'Payload as JSON' })).toBeVisible();
    await details(page).getByLabel('Show as').selectOption({ label: 'Hex' });
    await expect(details(page).getByLabel('Payload as a hex dump')).toContainText(
      '7b 22 61 22 3a 31 7d',
    );
    // And as CBOR, which it is not: the worker says why.
    await details(page).getByLabel('Show as').selectOption({ label: 'CBOR' });
    await expect(details(page).getByRole('note')).toContainText('Could not decode as CBOR');
  });

  test("a subscription's show as reads its topics as CBOR, saved with the connection", async ({
    page,
    scope,
    nodeClient,
  }) => {
    await openQuietDashboard(page, scope);
    await subscribeInUi(page, 'e2e/sub/#');
    const reading = Buffer.from(encodeCbor({ volts: 229.5 }));
    await nodeClient.publishAsync('e2e/sub/first', reading);
    await expect(rowOf(page, 'e2e/sub/first')).toContainText('a1 65 76 6f 6c 74 73');

    await page.getByLabel('Show e2e/sub/# as').selectOption({ label: 'Show as: CBOR' });
    await nodeClient.publishAsync('e2e/sub/second', reading);
    await expect(rowOf(page, 'e2e/sub/second')).toContainText('"volts":229.5');
    await expect(page.getByRole('region', { name: 'Decoders' })).toContainText('2 rules');
    await page.reload();
    await expect(page.getByLabel('Show e2e/sub/# as')).toHaveValue('cbor');
  });

  test('a .proto upload mapped to a topic decodes a Protobuf message', async ({
    page,
    scope,
    nodeClient,
  }) => {
    await openQuietDashboard(page, scope);
    const dialog = await uploadProto(page, 'meter.proto', METER_PROTO);
    await expect(dialog.getByRole('status')).toContainText('1 message type: demo.Reading');
    await dialog.getByLabel('Topic filter').fill('e2e/pb/#');
    await dialog
      .getByLabel('Decoder', { exact: true })
      .selectOption({ label: 'Protobuf demo.Reading (meter.proto)' });
    await dialog.getByRole('button', { name: 'Add rule' }).click();
    await expect(dialog.getByRole('list', { name: 'Decoder rules' })).toContainText(
      'e2e/pb/# → Protobuf demo.Reading (meter.proto)',
    );
    await dialog.getByRole('button', { name: 'Close' }).click();

    await subscribeInUi(page, 'e2e/pb/#');
    const Reading = protobuf.parse(METER_PROTO).root.lookupType('demo.Reading');
    const payload = Reading.encode({ meter: 'em-7', kwh: 12.5, phases: [1, 2, 3] }).finish();
    await nodeClient.publishAsync('e2e/pb/em-7', Buffer.from(payload));
    const row = rowOf(page, 'e2e/pb/em-7');
    await expect(row).toContainText('"meter":"em-7"');
    await expect(row).toContainText('"kwh":12.5');
    await expect(row.getByRole('gridcell').nth(2)).toHaveAttribute('title', 'Decoded as Protobuf');

    // Saved with the connection: after a reload the worker is told the schema and rule again.
    await page.reload();
    await expect(page.getByRole('region', { name: 'Decoders' })).toContainText(
      '2 rules · 1 .proto file',
    );
    await expect(
      page
        .getByRole('list', { name: 'Active subscriptions' })
        .getByRole('listitem')
        .filter({ hasText: 'e2e/pb/#' }),
    ).toContainText('granted');
    const again = Reading.encode({ meter: 'em-8', kwh: 3, phases: [] }).finish();
    await nodeClient.publishAsync('e2e/pb/em-8', Buffer.from(again));
    await expect(rowOf(page, 'e2e/pb/em-8')).toContainText('"meter":"em-8"');
  });

  test('a .proto that does not parse says why, where the user is looking', async ({
    page,
    scope,
  }) => {
    await openQuietDashboard(page, scope);
    const dialog = await uploadProto(page, 'broken.proto', 'syntax = "proto3";\nmessage {\n');
    await expect(dialog.getByRole('alert')).toContainText(
      'The .proto file broken.proto could not be read',
    );
    await dialog.getByRole('button', { name: 'Close' }).click();
    await expect(page.getByRole('list', { name: 'Decoder problems' })).toContainText(
      'broken.proto could not be read',
    );
  });

  test('the Decoders dialog has no serious or critical axe violation', async ({ page, scope }) => {
    await openQuietDashboard(page, scope);
    const dialog = await uploadProto(page, 'meter.proto', METER_PROTO);
    await expect(dialog.getByRole('status')).toContainText('demo.Reading');
    await dialog.getByLabel('Topic filter').fill('e2e/axe/#');
    await dialog.getByRole('button', { name: 'Add rule' }).click();
    await expect(dialog.getByRole('list', { name: 'Decoder rules' })).toContainText('e2e/axe/#');
    const { violations } = await new AxeBuilder({ page }).include('dialog').analyze();
    expect(
      violations
        .filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
    ).toEqual([]);
  });
});
