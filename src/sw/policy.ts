// The service worker's decisions, as pure functions (unit-tested; bundled into sw.js at build time).
//
// Several builds may live on one origin under different paths (/room-a/, /room-b/ on a training
// server). Cache Storage is shared by the whole origin, so each worker names its caches after its
// own registration scope and only ever deletes its own scope's older caches.

/** New prefix: builds before per-scope caches deleted every "scp-*" cache on the origin. */
export const CACHE_PREFIX = "scp@";

/** How long a navigation waits for the network before the cached app is shown. */
export const NETWORK_TIMEOUT_MS = 3000;

/** Present in the app's index.html: a page without it (a captive portal's login page) is not ours. */
export const APP_MARKER = '<meta name="application-name" content="security-context-playground"';

/** The cache of one build at one scope: "scp@<scope>#<build>". */
export function cacheName(scope: string, version: string): string {
  return `${CACHE_PREFIX}${scope}#${version}`;
}

/** This scope's caches other than the current build's; other scopes' caches are never touched. */
export function cachesToDelete(keys: readonly string[], scope: string, current: string): string[] {
  const own = `${CACHE_PREFIX}${scope}#`;
  return keys.filter((k) => k.startsWith(own) && k !== current);
}

export interface PageResponse {
  ok: boolean;
  type: string;
  url: string;
  headers: { get(name: string): string | null };
}

/**
 * Whether a navigation's network response is the app: a 2xx from this origin (not redirected
 * elsewhere), HTML, carrying the app's marker. An error status (503 from a proxy), a captive
 * portal's page or redirect is not: the cached app is shown instead.
 */
export function isAppPage(res: PageResponse, origin: string, body: string): boolean {
  if (!res.ok || res.type === "opaqueredirect") return false;
  if (res.url && new URL(res.url).origin !== origin) return false;
  if (!(res.headers.get("content-type") ?? "").includes("text/html")) return false;
  return body.includes(APP_MARKER);
}
