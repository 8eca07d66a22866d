// The service worker (built into dist/sw.js by vite.config.ts with the build's file list): the
// playground works offline once loaded, builds at different paths of one origin keep their own
// caches, and a new build waits until the user reloads (the page shows a notice).

import { cacheName, cachesToDelete, isAppPage, NETWORK_TIMEOUT_MS } from "./policy";

declare const __SCP_VERSION__: string;
declare const __SCP_FILES__: string[];

const sw = self as unknown as ServiceWorkerGlobalScope;
const scope = sw.registration.scope;
const CACHE = cacheName(scope, __SCP_VERSION__);
const INDEX = new URL("./", scope).href;

sw.addEventListener("install", (e) => {
  // No skipWaiting here: open tabs keep the build they loaded until the user reloads.
  e.waitUntil(caches.open(CACHE).then((c) => c.addAll(__SCP_FILES__)));
});

sw.addEventListener("activate", (e) => {
  e.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(cachesToDelete(keys, scope, CACHE).map((k) => caches.delete(k))))
      .then(() => sw.clients.claim()),
  );
});

sw.addEventListener("message", (e) => {
  if ((e.data as { type?: string } | null)?.type === "scp-skip-waiting") void sw.skipWaiting();
});

/** fetch() that gives up after NETWORK_TIMEOUT_MS: a hung network must not hang the app. */
async function fetchWithTimeout(req: Request): Promise<Response> {
  const ctl = new AbortController();
  const timer = setTimeout(() => ctl.abort(), NETWORK_TIMEOUT_MS);
  try {
    return await fetch(req, { signal: ctl.signal });
  } finally {
    clearTimeout(timer);
  }
}

async function navigate(req: Request): Promise<Response> {
  const cached = () => caches.open(CACHE).then((c) => c.match(INDEX, { ignoreSearch: true, ignoreVary: true }));
  try {
    // The network first, so a new deployment is seen; but only the app counts as an answer.
    const res = await fetchWithTimeout(req);
    if (isAppPage(res, sw.location.origin, await res.clone().text())) return res;
    return (await cached()) ?? res;
  } catch {
    return (await cached()) ?? Response.error();
  }
}

async function asset(req: Request): Promise<Response> {
  // Built files carry content hashes in their names: the cache first.
  const hit = await caches.open(CACHE).then((c) => c.match(req, { ignoreSearch: true, ignoreVary: true }));
  return hit ?? fetchWithTimeout(req);
}

sw.addEventListener("fetch", (e) => {
  const req = e.request;
  if (req.method !== "GET" || new URL(req.url).origin !== sw.location.origin) return;
  e.respondWith(req.mode === "navigate" ? navigate(req) : asset(req));
});
