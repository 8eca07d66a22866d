// Go-compatible string helpers, so that messages come out byte-for-byte as Pod Security Admission
// writes them (kubernetes/kubernetes staging/src/k8s.io/pod-security-admission/policy/helpers.go).

/** `"a", "b"` — upstream joinQuote: quotes are added around each item, nothing inside is escaped. */
export function joinQuote(items: readonly string[]): string {
  if (items.length === 0) return "";
  return `"${items.join('", "')}"`;
}

/** Upstream pluralize: the singular form only when count is exactly 1. */
export function pluralize(singular: string, plural: string, count: number): string {
  return count === 1 ? singular : plural;
}

/**
 * Go's sort.Strings order: byte order of the UTF-8 encoding, which is code point order.
 * (JavaScript's default sort compares UTF-16 units, which differs above U+FFFF.)
 */
export function compareGo(a: string, b: string): number {
  const ca = Array.from(a);
  const cb = Array.from(b);
  const n = Math.min(ca.length, cb.length);
  for (let i = 0; i < n; i++) {
    const x = ca[i].codePointAt(0)!;
    const y = cb[i].codePointAt(0)!;
    if (x !== y) return x < y ? -1 : 1;
  }
  return ca.length - cb.length;
}

/** What upstream's sets.String.List() / sets.List() return: the distinct items, sorted. */
export function sortedSet(items: Iterable<string>): string[] {
  return Array.from(new Set(items)).sort(compareGo);
}


export { goQuote } from "../go/quote";
