import { parseBrokerUrl, profileUrl } from '../../core/broker-url.ts';
import { exportDashboard, importDashboard } from './dashboard-file.ts';
import type { Dashboard } from './dashboard-model.ts';

/** The fragment key: `#dashboard=<base64url of deflate-raw JSON>`. A fragment never reaches a server. */
export const LINK_KEY = 'dashboard';
/** Past this many characters a link breaks in chats and mail: export a file instead. */
export const MAX_LINK_CHARS = 8192;
/** A link never inflates past this: a crafted one must not fill the memory. */
const MAX_INFLATED_BYTES = 2_000_000;

export type SharedDashboard = { dashboard: Dashboard; brokerUrl: string | null };
export type LinkResult = ({ ok: true } & SharedDashboard) | { ok: false; reason: string };

function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): Uint8Array | null {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) return null;
  try {
    const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
    return Uint8Array.from(binary, (c) => c.charCodeAt(0));
  } catch {
    return null;
  }
}

async function pipe(bytes: Uint8Array, transform: GenericTransformStream, limit: number) {
  const stream = new Blob([bytes as BlobPart]).stream().pipeThrough(transform);
  const reader = stream.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > limit) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.byteLength;
  }
  return out;
}

/** The broker URL as a link may carry it: scheme, host, port and path, never a user or password. */
export function shareableBrokerUrl(url: string | null): string | null {
  if (!url) return null;
  const parsed = parseBrokerUrl(url);
  return parsed.ok ? profileUrl(parsed) : null;
}

/**
 * The fragment (`dashboard=…`) that carries `dashboard` and its broker URL, or the reason it
 * cannot: only widget specs and the broker's address travel, never a credential or a connection id.
 */
export async function encodeDashboardLink(
  dashboard: Dashboard,
  brokerUrl: string | null,
): Promise<{ ok: true; fragment: string } | { ok: false; reason: string }> {
  const stripped: Dashboard = {
    ...dashboard,
    widgets: dashboard.widgets.map((widget) => ({ ...widget, connectionId: '' })),
  };
  const file = JSON.parse(exportDashboard(stripped)) as Record<string, unknown>;
  const text = JSON.stringify({ ...file, broker: shareableBrokerUrl(brokerUrl) });
  const packed = await pipe(
    new TextEncoder().encode(text),
    new CompressionStream('deflate-raw'),
    Number.POSITIVE_INFINITY,
  );
  const fragment = `${LINK_KEY}=${toBase64Url(packed ?? new Uint8Array())}`;
  if (fragment.length > MAX_LINK_CHARS) {
    return {
      ok: false,
      reason: `The dashboard is too large for a link (${Math.ceil(fragment.length / 1024)} KB, at most ${MAX_LINK_CHARS / 1024} KB). Use Export dashboard to share it as a file.`,
    };
  }
  return { ok: true, fragment };
}

/** Whether a URL fragment (with or without its `#`) is a dashboard link. */
export function isDashboardLink(hash: string): boolean {
  return hash.replace(/^#/, '').startsWith(`${LINK_KEY}=`);
}

/** A shared dashboard read back from its fragment, checked as an imported file is, or the reason not. */
export async function decodeDashboardLink(hash: string): Promise<LinkResult> {
  const body = hash.replace(/^#/, '').slice(LINK_KEY.length + 1);
  const damaged: LinkResult = {
    ok: false,
    reason: 'The dashboard link is damaged (cut short or altered).',
  };
  if (body.length > MAX_LINK_CHARS) {
    return {
      ok: false,
      reason: `The dashboard link is too long (over ${MAX_LINK_CHARS / 1024} KB).`,
    };
  }
  const bytes = fromBase64Url(body);
  if (!bytes || bytes.length === 0) return damaged;
  let inflated: Uint8Array | null;
  try {
    inflated = await pipe(bytes, new DecompressionStream('deflate-raw'), MAX_INFLATED_BYTES);
  } catch {
    return damaged;
  }
  if (!inflated) return { ok: false, reason: 'The dashboard link unpacks to too much data.' };
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(inflated);
  } catch {
    return damaged;
  }
  const read = importDashboard(text);
  if (!read.ok)
    return { ok: false, reason: read.reason.replace(/The (dashboard )?file/g, 'The link') };
  const broker = (JSON.parse(text) as { broker?: unknown }).broker;
  return {
    ok: true,
    dashboard: read.dashboard,
    brokerUrl: typeof broker === 'string' ? shareableBrokerUrl(broker) : null,
  };
}
