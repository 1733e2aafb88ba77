import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ScopeConfigJson } from '../src/core/scope-config.ts';
import { sendText } from './static-files.ts';

export const SCOPE_CONFIG_PATH = '/scope-config.json';

/** GET /scope-config.json: the same answer whatever the request says about itself. */
export function serveScopeConfig(
  request: IncomingMessage,
  response: ServerResponse,
  config: ScopeConfigJson,
): void {
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    response.setHeader('Allow', 'GET, HEAD');
    return sendText(response, 405, 'Method not allowed\n');
  }
  const body = JSON.stringify(config);
  response.writeHead(200, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(body),
    'Cache-Control': 'no-store',
  });
  response.end(request.method === 'HEAD' ? undefined : body);
}
