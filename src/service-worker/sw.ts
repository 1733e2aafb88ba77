/**
 * The service worker: MQTT Scope opens with no network. It keeps one cache per build, filled at
 * install with the page and every file of the build (the list is written into this file by the
 * build, see vite.config.ts), and answers from it:
 * - the page (a navigation): from the network when there is one, so a new deployment is seen at
 *   once, else the cached page;
 * - hashed build files (/assets/…): from the cache, since a name never changes content;
 * - /scope-config.json (where the embedded broker is): the network, else the last answer;
 * - anything else, and never a broker: untouched. WebSocket traffic does not pass through a
 *   service worker at all, so no message is ever cached.
 * A new build installs beside the old one and waits: the page offers a reload, which asks it to
 * take over (`skip-waiting`), and the old build's cache is deleted once it has.
 */

const sw = self as unknown as ServiceWorkerGlobalScope;

/**
 * The build's files and a version that changes with them: the build replaces the marker with
 * their JSON (vite.config.ts, `serviceWorkerBuild`).
 */
const BUILD = JSON.parse('__SCOPE_BUILD__') as { version: string; files: string[] };

const CACHE_PREFIX = 'mqtt-scope-';
const CACHE = `${CACHE_PREFIX}${BUILD.version}`;
const PAGE = '/';
const CONFIG = '/scope-config.json';

sw.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll([PAGE, ...BUILD.files])));
});

sw.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) =>
        Promise.all(
          keys
            .filter((key) => key.startsWith(CACHE_PREFIX) && key !== CACHE)
            .map((key) => caches.delete(key)),
        ),
      )
      .then(() => sw.clients.claim()),
  );
});

sw.addEventListener('message', (event) => {
  if ((event.data as { type?: unknown } | null)?.type === 'skip-waiting') void sw.skipWaiting();
});

sw.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== sw.location.origin) return;
  if (request.mode === 'navigate') {
    event.respondWith(networkElseCached(request, PAGE));
  } else if (url.pathname.startsWith('/assets/') || BUILD.files.includes(url.pathname)) {
    event.respondWith(cachedElseNetwork(request));
  } else if (url.pathname === CONFIG) {
    event.respondWith(networkElseCached(request, CONFIG));
  }
});

async function networkElseCached(request: Request, key: string): Promise<Response> {
  const cache = await caches.open(CACHE);
  try {
    const response = await fetch(request);
    if (response.ok) await cache.put(key, response.clone());
    return response;
  } catch (error) {
    const cached = await cache.match(key);
    if (cached) return cached;
    throw error;
  }
}

async function cachedElseNetwork(request: Request): Promise<Response> {
  const cached = await caches.match(request, { cacheName: CACHE });
  return cached ?? fetch(request);
}
