// The Analysis as JSON, written one workload at a time: the same text JSON.stringify(analysis,
// null, 2) gives, without ever holding it whole (a 5,000-pod dump prints ~400 MB; held as one
// string plus its copies it was most of the command's memory). jsonWriter.ts writes the bytes.

import { JsonWriter } from "./jsonWriter";

export { JsonWriter };

/**
 * Writes `{ head…, "<arrayKey>": [ items… ], tail… }` exactly as JSON.stringify(…, null, 2) writes
 * the object with those keys in that order. `items` is consumed one at a time. `tooLarge` is called
 * with an item whose printed JSON passes MAX_OUTPUT_CHARS bytes, and refuses it by throwing (its
 * compact JSON may still fit: printed bytes are never fewer than compact characters). Measuring
 * only those, instead of every item before printing it, saves a walk over everything printed.
 */
export async function writeObjectStreaming(
  out: JsonWriter,
  head: Record<string, unknown>,
  arrayKey: string,
  items: Iterable<unknown> | AsyncIterable<unknown>,
  tail: () => Record<string, unknown>,
  tooLarge?: (item: unknown) => void,
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
    if (tooLarge) {
      // An item that cannot be printed is refused before any of it is: its own bytes are dropped.
      const start = out.mark();
      out.raw(n === 0 ? "\n    " : ",\n    ");
      out.watch(MAX_OUTPUT_CHARS, () => tooLarge(item));
      try {
        out.value(item, 2);
      } catch (e) {
        out.rollback(start);
        throw e;
      } finally {
        out.unwatch();
      }
    } else {
      out.raw(n === 0 ? "\n    " : ",\n    ");
      out.value(item, 2);
    }
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

/** Compact JSON length of a value that is not an object or array (null, undefined, a string, a number, a boolean). */
function leafSize(v: unknown): number {
  if (v === null || v === undefined) return 4;
  if (typeof v === "string") return v.length + 2;
  return String(v).length;
}

/**
 * Whether `root` as compact JSON is at most `budget` characters (jsonSize's count). A walk
 * without a memo that stops as soon as the budget is spent, so a shared value printed many times
 * costs at most `budget` steps; it allocates nothing (a one-pod run's jsonSize allocated ~60 KB).
 */
export function jsonFits(root: unknown, budget: number): boolean {
  let left = budget;
  // The same count as jsonSize's, item by item.
  const walk = (v: unknown): void => {
    if (v === null || typeof v !== "object") left -= leafSize(v);
    else {
      left -= 1;
      let empty = true;
      if (Array.isArray(v))
        for (let i = 0; i < v.length && left >= 0; i++) {
          empty = false;
          walk(v[i]);
          left -= 1;
        }
      else
        for (const k in v) {
          if (left < 0) break;
          if (!Object.hasOwn(v, k)) continue;
          empty = false;
          left -= k.length + 3;
          walk((v as Record<string, unknown>)[k]);
          left -= 1;
        }
      if (empty) left -= 1;
    }
  };
  walk(root);
  return left >= 0;
}

/**
 * Length of the analysis as compact JSON, counting each shared value once per reference but
 * measuring it once: the analysis shares parsed values between containers, so a walk as a tree
 * could take as long as printing.
 */
export function jsonSize(root: unknown): number {
  const memo = new Map<object, number>();
  const size = (v: unknown): number => {
    if (v === null || typeof v !== "object") return leafSize(v);
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
  return size(root);
}
