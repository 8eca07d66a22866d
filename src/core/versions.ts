// Kubernetes minor versions whose rules the playground knows. 1.37 is the newest release
// (CHANGELOG/CHANGELOG-1.38.md in kubernetes/kubernetes lists only v1.38 alphas, "since v1.37.0").
export const OLDEST_MINOR = 23;
export const NEWEST_MINOR = 37;
export const LATEST = `1.${NEWEST_MINOR}`;

export const SUPPORTED_VERSIONS: readonly string[] = Array.from(
  { length: NEWEST_MINOR - OLDEST_MINOR + 1 },
  (_, i) => `1.${OLDEST_MINOR + i}`,
);

/** "1.30" → 30; "latest" → the newest minor; anything else → undefined. */
export function minorOf(version: string): number | undefined {
  if (version === "latest") return NEWEST_MINOR;
  const m = /^v?1\.(\d+)$/.exec(version.trim());
  if (!m) return undefined;
  const minor = Number(m[1]);
  return minor >= OLDEST_MINOR && minor <= NEWEST_MINOR ? minor : undefined;
}

/** Normalises a user's version ("latest", "v1.30", "1.30") to "1.30", or undefined when unsupported. */
export function normaliseVersion(version: string): string | undefined {
  const minor = minorOf(version);
  return minor === undefined ? undefined : `1.${minor}`;
}
