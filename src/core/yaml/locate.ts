// A contract path ("spec.containers[0].securityContext.runAsUser") → the source offsets it names.
// Used only when reporting, so a walk from the document root is cheap enough.

import { isMap, itemSpan, keySpan, type Span } from "./access";
import type { Positions } from "./parse";

/** Splits `a.b[0].c` and `metadata.annotations[key/with.dots]` into segments. */
export function splitPath(path: string): (string | number)[] {
  const out: (string | number)[] = [];
  // Bracketed keys may be quoted: annotations["container.apparmor.security.beta.kubernetes.io/app"].
  const re = /([^.[\]]+)|\["([^"]*)"\]|\['([^']*)'\]|\[([^\]]*)\]/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(path)) !== null) {
    if (m[1] !== undefined) out.push(m[1]);
    else if (m[2] !== undefined) out.push(m[2]);
    else if (m[3] !== undefined) out.push(m[3]);
    else out.push(/^\d+$/.test(m[4]) ? Number(m[4]) : m[4]);
  }
  return out;
}

export interface Located {
  span: Span;
  /** True when every segment was found; otherwise the span is the deepest one that exists. */
  exact: boolean;
}

export function locatePath(positions: Positions, root: unknown, path: string): Located | undefined {
  let node = root;
  let best: Span | undefined;
  const start = node !== null && typeof node === "object" ? positions.get(node) : undefined;
  if (start) best = { keyStart: start.start, valueStart: start.start, valueEnd: start.end };
  for (const seg of splitPath(path)) {
    let span: Span | undefined;
    let next: unknown;
    if (typeof seg === "number" && Array.isArray(node)) {
      span = itemSpan(positions, node, seg);
      next = node[seg];
    } else if (isMap(node) && Object.prototype.hasOwnProperty.call(node, String(seg))) {
      span = keySpan(positions, node, String(seg));
      next = node[String(seg)];
    }
    if (!span) return best ? { span: best, exact: false } : undefined;
    best = span;
    node = next;
  }
  return best ? { span: best, exact: true } : undefined;
}
