// The Analysis as JSON, written one workload at a time: the same text JSON.stringify(analysis,
// null, 2) gives, without ever holding it whole (a 5,000-pod dump prints ~400 MB; held as one
// string plus its copies it was most of the command's memory). jsonWriter.ts writes the bytes.

import { JsonWriter } from "./jsonWriter";

export { JsonWriter };

/**
 * Writes `{ head…, "<arrayKey>": [ items… ], tail… }` exactly as JSON.stringify(…, null, 2) writes
 * the object with those keys in that order. `items` is consumed one at a time.
 */
export async function writeObjectStreaming(
  out: JsonWriter,
  head: Record<string, unknown>,
  arrayKey: string,
  items: Iterable<unknown> | AsyncIterable<unknown>,
  tail: () => Record<string, unknown>,
  check?: (item: unknown) => void,
): Promise<void> {
  let first = true;
  const key = (k: string, v: unknown) => {
    if (v === undefined || typeof v === "function" || typeof v === "symbol") return;
    out.raw(`${first ? "{\n" : ",\n"}  ${JSON.stringify(k)}: `);
    out.value(v, 1);
    first = false;
  };
  for (const k of Object.keys(head)) key(k, head[k]);
  out.raw(`${first ? "{\n" : ",\n"}  ${JSON.stringify(arrayKey)}: [`);
  first = false;
  let n = 0;
  for await (const item of items) {
    check?.(item);
    out.raw(n === 0 ? "\n    " : ",\n    ");
    out.value(item, 2);
    n++;
    await out.drain();
  }
  out.raw(n === 0 ? "]" : "\n  ]");
  const t = tail();
  for (const k of Object.keys(t)) key(k, t[k]);
  out.raw("\n}\n");
}

export class TooLargeError extends Error {
  constructor(readonly chars: number) {
    super("too large to print");
  }
}

/**
 * Beyond this many characters of compact JSON the printed analysis (pretty JSON is 2-3× longer)
 * would not fit in a JavaScript string (~512 MB): refused before trying, which took minutes and
 * gigabytes (3,000 containers sharing a pod's 100,000 supplementalGroups print them 6,000 times).
 */
export const MAX_OUTPUT_CHARS = 128 * 1024 * 1024;

/**
 * Length of the analysis as compact JSON, counting each shared value once per reference but
 * measuring it once: the analysis shares parsed values between containers, so a walk as a tree
 * could take as long as printing.
 */
export function jsonSize(root: unknown): number {
  return jsonSizer()(root);
}

/**
 * jsonSize for many values in turn (the workloads of one analysis), measuring a value they share
 * (pods alike share processes, actions, what-ifs) once for all; the memo starts again past
 * `limit` entries.
 */
export function jsonSizer(limit = 200_000): (root: unknown) => number {
  let memo = new Map<object, number>();
  const size = (v: unknown): number => {
    if (v === null || v === undefined) return 4;
    if (typeof v === "string") return v.length + 2;
    if (typeof v !== "object") return String(v).length;
    const known = memo.get(v);
    if (known !== undefined) return known;
    // Brackets, and a comma after every item but the last; an entry is "key":value.
    let n = 1;
    if (Array.isArray(v)) for (const x of v) n += size(x) + 1;
    else for (const k of Object.keys(v)) n += k.length + 3 + size((v as Record<string, unknown>)[k]) + 1;
    n = Math.max(n, 2);
    memo.set(v, n);
    return n;
  };
  return (root) => {
    if (memo.size > limit) memo = new Map();
    return size(root);
  };
}
