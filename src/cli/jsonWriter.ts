// JSON written straight into UTF-8 chunks, byte for byte what JSON.stringify(value, null, 2) gives.
//
// Why not JSON.stringify per workload: a 5,000-pod dump prints ~400 MB of JSON (21 actions a
// container, each with its upstream rule and source sentences). Stringified, every piece held a
// "→" somewhere, so each became a two-byte string, was joined into another and then encoded to
// UTF-8 again on write: three passes over twice the bytes. Here each long string is escaped and
// encoded once and copied as bytes wherever it repeats (the same sentences recur in every
// container), and the rest is written byte by byte.

/** Where full chunks go; a returned promise is awaited (back-pressure). */
export type ChunkSink = (chunk: Buffer) => void | Promise<void>;

const CHUNK = 1 << 20;
// The first chunk is small: most outputs are a few kilobytes, and a fresh megabyte costs a small
// run ~1 ms of page faults; the chunks after it are full size.
const FIRST_CHUNK = 64 * 1024;
const EMPTY = Buffer.alloc(0);
// Text up to this long is tried as plain ASCII first (punctuation, indents).
const SHORT = 40;
// Strings up to this long are tried as plain ASCII first and written as they are (names, paths:
// \`items[4211].spec.containers[0].securityContext\` differs per pod, and caching it only filled the
// cache); the rest, and any needing an escape or UTF-8, are cached as their encoded JSON (the
// repeated sentences).
const PLAIN = 120;
// Bounded, so a stream of unique long strings (messages naming each pod) cannot grow it for ever.
const MAX_CACHED = 50_000;

const QUOTE = 0x22;
const BACKSLASH = 0x5c;

export class JsonWriter {
  private buf: Buffer;
  private pos = 0;
  private full: Buffer[] = [];
  private strings = new Map<string, Buffer>();
  /** Per depth: a key on its new line, `\n<indent>"key": ` (one copy per entry, not three). */
  private keys: Map<string, Buffer>[] = [];
  private keyCount = 0;
  private indents: Buffer[] = [];
  /** Whether something has reached the sink already. */
  sent = false;
  /** Bytes in the chunks ended so far. */
  private ended = 0;
  private watched: { from: number; limit: number; over: () => void } | undefined;

  private chunkSize: number;

  /** `chunkSize`: bytes per chunk (tests make it small to cut often); at least 64, the longest run written unchecked. */
  constructor(
    private sink: ChunkSink,
    chunkSize = CHUNK,
  ) {
    this.chunkSize = Math.max(64, chunkSize);
    this.buf = Buffer.allocUnsafe(Math.min(this.chunkSize, FIRST_CHUNK));
  }

  /** `value` as JSON.stringify(value, null, 2) prints it at nesting depth `depth`. */
  value(value: unknown, depth: number): void {
    if (value === undefined || typeof value === "function" || typeof value === "symbol") {
      // JSON.stringify gives undefined for these at the top; in an array they print as null.
      this.ascii("null");
      return;
    }
    this.write(value, depth);
  }

  /** Text written as it is (punctuation, already-built JSON). */
  raw(text: string): void {
    if (text.length <= SHORT && this.asciiFits(text)) return;
    this.bytes(Buffer.from(text));
  }

  /** Passes the full chunks to the sink; call between items so back-pressure is honoured. */
  async drain(): Promise<void> {
    while (this.full.length) {
      this.sent = true;
      await this.sink(this.full.shift()!);
    }
  }

  /** Passes everything written so far to the sink. */
  async flush(): Promise<void> {
    // No new chunk after the last one: it is made if something is written after all.
    if (this.pos > 0) {
      this.push(this.buf.subarray(0, this.pos));
      this.buf = EMPTY;
      this.pos = 0;
    }
    await this.drain();
  }

  /** Drops what has not reached the sink yet (an error replaces the output). */
  discard(): void {
    this.full = [];
    this.pos = 0;
    this.watched = undefined;
  }

  /**
   * Calls `over` (which may throw) once more than `limit` bytes have been written from now on; it
   * is checked as chunks fill, so a runaway value stops within a chunk of the limit.
   */
  watch(limit: number, over: () => void): void {
    this.watched = { from: this.ended + this.pos, limit, over };
  }

  unwatch(): void {
    this.watched = undefined;
  }

  /** Where the writer is, for rollback (nothing may be drained in between). */
  mark(): { full: number; buf: Buffer; pos: number } {
    return { full: this.full.length, buf: this.buf, pos: this.pos };
  }

  /** Forgets what was written since `m`. */
  rollback(m: { full: number; buf: Buffer; pos: number }): void {
    for (let i = m.full; i < this.full.length; i++) this.ended -= this.full[i].length;
    this.full.length = m.full;
    this.buf = m.buf;
    this.pos = m.pos;
  }

  private endChunk(): void {
    if (this.pos === 0 && this.buf.length === this.chunkSize) return;
    if (this.pos > 0) this.push(this.buf.subarray(0, this.pos));
    // A new chunk, never the old one reused: an asynchronous sink may still hold it.
    this.buf = Buffer.allocUnsafe(this.chunkSize);
    this.pos = 0;
  }

  private push(chunk: Buffer): void {
    this.full.push(chunk);
    this.ended += chunk.length;
    const w = this.watched;
    if (w && this.ended - w.from > w.limit) {
      this.watched = undefined;
      w.over();
    }
  }

  private room(n: number): void {
    if (this.pos + n > this.buf.length) this.endChunk();
  }

  private bytes(b: Buffer): void {
    const n = b.length;
    if (n > this.chunkSize) {
      this.endChunk();
      this.push(b);
      return;
    }
    this.room(n);
    // Most pieces are a few bytes (an indent, a key): a loop is cheaper than set()'s call for them.
    if (n <= 24) {
      const buf = this.buf;
      let p = this.pos;
      for (let i = 0; i < n; i++) buf[p++] = b[i];
      this.pos = p;
      return;
    }
    this.buf.set(b, this.pos);
    this.pos += n;
  }

  private byte(c: number): void {
    if (this.pos >= this.buf.length) this.endChunk();
    this.buf[this.pos++] = c;
  }

  /** Writes `s` when it is printable ASCII needing no escape (then true); otherwise writes nothing. */
  private asciiFits(s: string): boolean {
    this.room(s.length);
    const buf = this.buf;
    let p = this.pos;
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      if (c < 0x20 || c > 0x7e || c === QUOTE || c === BACKSLASH) return false;
      buf[p++] = c;
    }
    this.pos = p;
    return true;
  }

  private ascii(s: string): void {
    this.room(s.length);
    for (let i = 0; i < s.length; i++) this.buf[this.pos++] = s.charCodeAt(i);
  }

  private string(s: string): void {
    // (Within one chunk: asciiFits writes unchecked after room().)
    if (s.length <= PLAIN && s.length + 2 <= this.chunkSize) {
      this.room(s.length + 2);
      const start = this.pos;
      this.buf[this.pos++] = QUOTE;
      if (this.asciiFits(s)) {
        this.byte(QUOTE);
        return;
      }
      this.pos = start;
    }
    let b = this.strings.get(s);
    if (b === undefined) {
      b = Buffer.from(JSON.stringify(s));
      if (this.strings.size >= MAX_CACHED) this.strings.clear();
      this.strings.set(s, b);
    }
    this.bytes(b);
  }

  /** A new line at `depth`, then the key. */
  private key(k: string, depth: number): void {
    const keys = (this.keys[depth] ??= new Map());
    let b = keys.get(k);
    if (b === undefined) {
      b = Buffer.from(`\n${"  ".repeat(depth)}${JSON.stringify(k)}: `);
      if (this.keyCount >= MAX_CACHED) {
        this.keys = [];
        this.keyCount = 0;
      }
      (this.keys[depth] ??= new Map()).set(k, b);
      this.keyCount++;
    }
    this.bytes(b);
  }

  private newline(depth: number): void {
    let b = this.indents[depth];
    if (b === undefined) b = this.indents[depth] = Buffer.from(`\n${"  ".repeat(depth)}`);
    this.bytes(b);
  }

  private write(v: unknown, depth: number): void {
    switch (typeof v) {
      case "string":
        this.string(v);
        return;
      case "number":
        this.ascii(Number.isFinite(v) ? String(v) : "null");
        return;
      case "boolean":
        this.ascii(v ? "true" : "false");
        return;
      case "object":
        break;
      default:
        // bigint: JSON.stringify's own error, as before.
        this.raw(JSON.stringify(v));
        return;
    }
    if (v === null) {
      this.ascii("null");
      return;
    }
    if (Array.isArray(v)) {
      if (v.length === 0) {
        this.ascii("[]");
        return;
      }
      this.byte(0x5b);
      for (let i = 0; i < v.length; i++) {
        if (i > 0) this.byte(0x2c);
        this.newline(depth + 1);
        this.value(v[i], depth + 1);
      }
      this.newline(depth);
      this.byte(0x5d);
      return;
    }
    if (typeof (v as { toJSON?: unknown }).toJSON === "function" || v instanceof String || v instanceof Number || v instanceof Boolean) {
      // Dates and boxed values: rare, left to JSON.stringify (wrapped so it indents at this depth).
      this.raw(stringifyAt(v, depth));
      return;
    }
    const o = v as Record<string, unknown>;
    let first = true;
    // for…in, own keys only: Object.keys's order without an array per object (millions of them).
    for (const k in o) {
      if (!Object.hasOwn(o, k)) continue;
      const x = o[k];
      if (x === undefined || typeof x === "function" || typeof x === "symbol") continue;
      this.byte(first ? 0x7b : 0x2c);
      first = false;
      this.key(k, depth + 1);
      this.write(x, depth + 1);
    }
    if (first) this.ascii("{}");
    else {
      this.newline(depth);
      this.byte(0x7d);
    }
  }
}

/** JSON.stringify(value, null, 2) as printed at nesting depth `depth`. */
export function stringifyAt(value: unknown, depth: number): string {
  // Wrapped in `depth` arrays, JSON.stringify indents the value as it would be at that depth; the
  // wrapping is cut off again.
  let wrapped = value;
  for (let i = 0; i < depth; i++) wrapped = [wrapped];
  const s = JSON.stringify(wrapped, null, 2);
  if (depth === 0) return s;
  // Before the value: "[\n" and k levels of indent for k = 1…depth; after it: "\n", k-1 levels, "]".
  const before = 2 * depth + depth * (depth + 1);
  const after = 2 * depth + depth * (depth - 1);
  return s.slice(before, s.length - after);
}
