/**
 * Registers the service worker (src/service-worker/sw.ts) in a production build, so MQTT Scope
 * installs and opens with no network, and offers a new build when one has been deployed: it
 * installs beside the running one and waits until the user reloads (`offerUpdate`), so a page
 * never mixes the files of two builds.
 */
export function registerServiceWorker(offerUpdate: (reload: () => void) => void): void {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  const container = navigator.serviceWorker;
  let reloadAsked = false;
  // The new build has taken over because the user asked: load the page from it.
  container.addEventListener('controllerchange', () => {
    if (reloadAsked) window.location.reload();
  });
  const offer = (waiting: ServiceWorker | null) => {
    // With no controller this is the first install, not an update: nothing to offer.
    if (!waiting || !container.controller) return;
    offerUpdate(() => {
      reloadAsked = true;
      waiting.postMessage({ type: 'skip-waiting' });
    });
  };
  // After the page has loaded: filling the cache fetches every file of the build, which must
  // not compete with the first screen.
  window.addEventListener('load', () => {
    container
      .register('/sw.js')
      .then((registration) => {
        offer(registration.waiting);
        registration.addEventListener('updatefound', () => {
          const installing = registration.installing;
          installing?.addEventListener('statechange', () => {
            if (installing.state === 'installed') offer(installing);
          });
        });
      })
      .catch((error: unknown) => {
        // Without it the app works as before, online only.
        console.warn('MQTT Scope: the service worker could not be registered.', error);
      });
  });
}
