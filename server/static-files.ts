import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, resolve, sep } from 'node:path';
import { pipeline } from 'node:stream/promises';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
};

export function sendText(response: ServerResponse, status: number, text: string): void {
  response.writeHead(status, {
    'Content-Type': 'text/plain; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
  });
  response.end(text);
}

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

/** The file a URL path names inside root; null when it would escape root or cannot be decoded. */
function fileInside(root: string, url: string): string | null {
  let pathname: string;
  try {
    pathname = decodeURIComponent(new URL(url, 'http://localhost').pathname);
  } catch {
    return null;
  }
  const path = resolve(root, `.${pathname}`);
  return !pathname.includes('\0') && (path === root || path.startsWith(root + sep)) ? path : null;
}

/**
 * Serves a Vite production build. Paths without a file extension fall back to index.html so
 * client-side routes work on reload; a missing asset (with an extension) is a real 404.
 */
export function createStaticHandler(distDir: string) {
  const root = resolve(distDir);
  const indexHtml = join(root, 'index.html');

  return async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.setHeader('Allow', 'GET, HEAD');
      return sendText(response, 405, 'Method not allowed\n');
    }
    const requested = fileInside(root, request.url ?? '/');
    if (!requested) return sendText(response, 404, 'Not found\n');

    let file = requested;
    if (!(await isFile(requested))) {
      if (extname(requested) !== '') return sendText(response, 404, 'Not found\n');
      file = indexHtml;
    }
    const { size } = await stat(file);
    // Vite puts content-hashed names under assets/, so they never change; index.html does.
    const immutable = file.startsWith(join(root, 'assets') + sep);
    response.writeHead(200, {
      'Content-Type': CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream',
      'Content-Length': size,
      'Cache-Control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
    });
    if (request.method === 'HEAD') return void response.end();
    // A client that goes away mid-download is not an error worth reporting.
    await pipeline(createReadStream(file), response).catch(() => response.destroy());
  };
}
