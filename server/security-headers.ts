import type { ServerResponse } from 'node:http';

/**
 * The built app's Content-Security-Policy. Vite's build has no inline script (checked in
 * docs/reliability.md), so scripts and the worker come only from this server. style-src allows
 * 'unsafe-inline' because React's style={{…}} props become style attributes; style-src-elem
 * still refuses injected <style> elements where browsers know it (older ones fall back to
 * style-src). connect-src
 * names schemes, not hosts: the page connects to whatever broker the user types and probes that
 * host over http(s) to say why a connection failed.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "worker-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "style-src-elem 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self' ws: wss: http: https:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/**
 * Headers for every response of the dashboard server. The CSP is left out in dev mode: Vite's
 * hot reload injects inline scripts.
 */
export function setSecurityHeaders(response: ServerResponse, withCsp: boolean): void {
  response.setHeader('X-Content-Type-Options', 'nosniff');
  response.setHeader('Referrer-Policy', 'no-referrer');
  // frame-ancestors for browsers that predate it.
  response.setHeader('X-Frame-Options', 'DENY');
  if (withCsp) response.setHeader('Content-Security-Policy', CONTENT_SECURITY_POLICY);
}
