// Registers the built app's service worker and tells the page when a new build is ready: the new
// worker waits (open tabs keep the files they loaded) until the user asks to reload.

type Listener = (ready: boolean) => void;
const listeners = new Set<Listener>();
let waiting: ServiceWorker | null = null;
let reloading = false;

function announce(worker: ServiceWorker): void {
  waiting = worker;
  for (const l of listeners) l(true);
}

/** Subscribes to "a new version is ready"; returns the unsubscribe function. */
export function onUpdateReady(listener: Listener): () => void {
  listeners.add(listener);
  if (waiting) listener(true);
  return () => listeners.delete(listener);
}

/** Activates the waiting build and reloads this tab once it controls the page. */
export function applyUpdate(): void {
  if (!waiting) return location.reload();
  reloading = true;
  waiting.postMessage({ type: "scp-skip-waiting" });
}

export function registerServiceWorker(): void {
  if (!("serviceWorker" in navigator) || !location.protocol.startsWith("http")) return;
  const container = navigator.serviceWorker;
  container.addEventListener("controllerchange", () => {
    if (reloading) location.reload();
  });
  container
    .register("./sw.js")
    .then((reg) => {
      // A build installed while no tab was open waits too: say so at once.
      if (reg.waiting && container.controller) announce(reg.waiting);
      reg.addEventListener("updatefound", () => {
        const w = reg.installing;
        w?.addEventListener("statechange", () => {
          // "installed" with a controller: an update, not the first install.
          if (w.state === "installed" && container.controller) announce(w);
        });
      });
      // Look for a new build when the tab comes back into view (the browser also checks on navigation).
      document.addEventListener("visibilitychange", () => {
        if (document.visibilityState === "visible") void reg.update().catch(() => {});
      });
    })
    .catch(() => {
      // Without it the app still works online.
    });
}
