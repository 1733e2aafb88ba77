import { request as httpRequest } from 'node:http';
import type { IncomingHttpHeaders } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { connect } from 'node:net';
import { WebSocket } from 'ws';

/** Shared by the server tests: HTTP requests exactly as written, with bounded waits. */

export interface Answer {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

export interface RequestOptions {
  method?: string;
  headers?: Record<string, string>;
  /** Trust this certificate (a test's self-signed one) for https:// URLs. */
  ca?: string | Buffer;
}

/** A request with any method, Host header and path: node:http sends the path as given. */
export function get(url: string, path: string, options: RequestOptions = {}): Promise<Answer> {
  const send = url.startsWith('https:') ? httpsRequest : httpRequest;
  const { method = 'GET', headers = {}, ca } = options;
  return new Promise((resolve, reject) => {
    const req = send(url, { path, method, headers, ca, timeout: 3000 }, (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (body += chunk));
      response.on('end', () =>
        resolve({ status: response.statusCode ?? 0, headers: response.headers, body }),
      );
    });
    req.on('timeout', () => req.destroy(new Error(`${method} ${path} timed out`)));
    req.on('error', reject);
    req.end();
  });
}

/** Bytes on a bare socket: no client library gets a chance to tidy the request line. */
export function rawGet(url: string, target: string): Promise<{ status: number; text: string }> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname);
    const chunks: Buffer[] = [];
    socket.setTimeout(3000, () => socket.destroy(new Error(`GET ${target} timed out`)));
    socket.on('connect', () =>
      socket.write(`GET ${target} HTTP/1.1\r\nHost: ${hostname}\r\nConnection: close\r\n\r\n`),
    );
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.on('error', reject);
    socket.on('close', () => {
      const text = Buffer.concat(chunks).toString('latin1');
      resolve({ status: Number(/^HTTP\/1\.1 (\d{3})/.exec(text)?.[1] ?? 0), text });
    });
  });
}

/**
 * Opens a WebSocket the way a page at `origin` would (browsers always send Origin; Node
 * clients send none) and reports the HTTP status of the answer: 101 when it was accepted.
 */
export function upgradeStatus(url: string, origin?: string, ca?: string | Buffer): Promise<number> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url, ['mqtt'], { origin, ca });
    socket.once('open', () => {
      resolve(101);
      socket.terminate();
    });
    socket.once('unexpected-response', (_request, response) => {
      resolve(response.statusCode ?? 0);
      socket.terminate();
    });
    socket.once('error', reject);
  });
}
