import { describe, expect, it } from 'vitest';
import {
  decodeDashboardLink,
  encodeDashboardLink,
  isDashboardLink,
  MAX_LINK_CHARS,
} from './dashboard-link.ts';
import type { Dashboard, WidgetSpec } from './dashboard-model.ts';

const gauge: WidgetSpec = {
  id: 'w1',
  kind: 'gauge',
  title: 'Boiler',
  connectionId: 'profile-secret-id',
  filter: 'plant/+/temp',
  jsonPath: '$.value',
  width: 2,
  height: 1,
  min: 0,
  max: 120,
  unit: '°C',
  warn: 90,
  alarm: 105,
  badWhen: 'above',
};
const dashboard: Dashboard = { id: 'd1', name: 'Plant', widgets: [gauge] };

async function fragmentOf(d: Dashboard, broker: string | null): Promise<string> {
  const link = await encodeDashboardLink(d, broker);
  if (!link.ok) throw new Error(link.reason);
  return link.fragment;
}

async function deflateRaw(text: string): Promise<string> {
  const stream = new Blob([text]).stream().pipeThrough(new CompressionStream('deflate-raw'));
  const bytes = new Uint8Array(await new Response(stream).arrayBuffer());
  return Buffer.from(bytes).toString('base64url');
}

describe('dashboard links', () => {
  it('round-trips the widgets and the broker address', async () => {
    const fragment = await fragmentOf(dashboard, 'wss://broker.example:8884/mqtt');
    expect(isDashboardLink(`#${fragment}`)).toBe(true);
    expect(fragment).toMatch(/^dashboard=[A-Za-z0-9_-]+$/);
    const read = await decodeDashboardLink(`#${fragment}`);
    expect(read).toEqual({
      ok: true,
      brokerUrl: 'wss://broker.example:8884/mqtt',
      dashboard: { ...dashboard, widgets: [{ ...gauge, connectionId: '' }] },
    });
  });

  it('never carries a user name, a password or a connection id', async () => {
    const fragment = await fragmentOf(dashboard, 'wss://alice:hunter2@broker.example:8884/mqtt');
    const body = fragment.slice('dashboard='.length);
    const stream = new Blob([Buffer.from(body, 'base64url')])
      .stream()
      .pipeThrough(new DecompressionStream('deflate-raw'));
    const text = await new Response(stream).text();
    expect(text).not.toMatch(/alice|hunter2|profile-secret-id/);
    const read = await decodeDashboardLink(fragment);
    expect(read.ok && read.brokerUrl).toBe('wss://broker.example:8884/mqtt');
  });

  it('drops credentials a crafted link carries in its broker URL', async () => {
    const crafted = JSON.stringify({
      format: 'mqtt-scope-dashboard',
      version: 1,
      dashboard,
      broker: 'wss://mallory:stolen@broker.example:8884/mqtt',
    });
    const read = await decodeDashboardLink(`dashboard=${await deflateRaw(crafted)}`);
    expect(read.ok && read.brokerUrl).toBe('wss://broker.example:8884/mqtt');
  });

  it('refuses a damaged link with the reason', async () => {
    const fragment = await fragmentOf(dashboard, null);
    const cut = await decodeDashboardLink(fragment.slice(0, fragment.length - 12));
    expect(cut).toEqual({ ok: false, reason: expect.stringMatching(/damaged/) });
    const garbage = await decodeDashboardLink('#dashboard=not*base64');
    expect(garbage).toEqual({ ok: false, reason: expect.stringMatching(/damaged/) });
    const empty = await decodeDashboardLink('#dashboard=');
    expect(empty.ok).toBe(false);
  });

  it('refuses a foreign or invalid dashboard as an import would', async () => {
    const foreign = await decodeDashboardLink(`dashboard=${await deflateRaw('{"hello":1}')}`);
    expect(foreign).toEqual({ ok: false, reason: expect.stringMatching(/not an MQTT Scope/) });
    const newer = await decodeDashboardLink(
      `dashboard=${await deflateRaw(JSON.stringify({ format: 'mqtt-scope-dashboard', version: 99, dashboard }))}`,
    );
    expect(newer).toEqual({ ok: false, reason: expect.stringMatching(/newer MQTT Scope/) });
    const badFilter = await decodeDashboardLink(
      `dashboard=${await deflateRaw(
        JSON.stringify({
          format: 'mqtt-scope-dashboard',
          version: 1,
          dashboard: { ...dashboard, widgets: [{ ...gauge, filter: 'a/#/b' }] },
        }),
      )}`,
    );
    expect(badFilter).toEqual({ ok: false, reason: expect.stringMatching(/widget 1 "Boiler"/) });
  });

  it('says a dashboard is too large for a link past 8 KB', async () => {
    // Titles that do not compress: random letters.
    let seed = 7;
    const noise = () =>
      Array.from({ length: 90 }, () => {
        seed = (seed * 48271) % 2147483647;
        return String.fromCharCode(97 + (seed % 26));
      }).join('');
    const big: Dashboard = {
      ...dashboard,
      widgets: Array.from({ length: 100 }, (_, i) => ({ ...gauge, id: `w${i}`, title: noise() })),
    };
    const link = await encodeDashboardLink(big, null);
    expect(link).toEqual({ ok: false, reason: expect.stringMatching(/too large for a link/) });
    const long = await decodeDashboardLink(`dashboard=${'A'.repeat(MAX_LINK_CHARS + 1)}`);
    expect(long).toEqual({ ok: false, reason: expect.stringMatching(/too long/) });
  });
});
