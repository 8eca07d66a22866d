// Bytes → text as kubectl reads a manifest, with a diagnostic for anything it would not read as
// written. Pure (no Node, no DOM beyond TextDecoder): the CLI feeds it files and standard input
// chunk by chunk, the app can feed it a dropped or opened file.
//
// What kubectl does (k8s.io/cli-runtime pkg/resource/visitor.go, FileVisitor.Visit):
//   utf16bom := unicode.BOMOverride(unicode.UTF8.NewDecoder())
//   v.StreamVisitor.Reader = transform.NewReader(f, utf16bom)
// golang.org/x/text/encoding/unicode: BOMOverride switches to UTF-16BE/LE when the input starts with
// FE FF / FF FE and strips a UTF-8 BOM (EF BB BF); the UTF-8 decoder replaces every ill-formed
// byte sequence with U+FFFD, the UTF-16 decoders every unpaired surrogate. So UTF-16 with a BOM is
// applied like UTF-8, and Latin-1 or binary input is applied with replacement characters: what the
// cluster receives differs from the file. Such input gets an error diagnostic (a gate fails closed).

import type { Diagnostic } from "../types";

export type InputEncoding = "utf-8" | "utf-16le" | "utf-16be";

export interface DecodedInput {
  /** The text kubectl would decode (BOM removed, ill-formed sequences as U+FFFD). */
  text: string;
  encoding: InputEncoding;
  /** Whether the input started with a byte order mark. */
  bom: boolean;
  /** Errors for input kubectl would not apply as written (invalid UTF-8/UTF-16, binary data). */
  diagnostics: Diagnostic[];
}

const SOURCE = "k8s.io/cli-runtime pkg/resource/visitor.go FileVisitor.Visit: unicode.BOMOverride(unicode.UTF8.NewDecoder())";

/**
 * The encoding a BOM at the start of `head` names, "utf-8" without one, or undefined while `head`
 * is too short to tell (1–2 bytes that may start a BOM): a stream reader waits for more bytes.
 */
export function sniffBom(head: Uint8Array, atEnd = false): { encoding: InputEncoding; bomLength: number } | undefined {
  const [a, b, c] = head;
  if (head.length >= 2 && a === 0xfe && b === 0xff) return { encoding: "utf-16be", bomLength: 2 };
  if (head.length >= 2 && a === 0xff && b === 0xfe) return { encoding: "utf-16le", bomLength: 2 };
  if (head.length >= 3 && a === 0xef && b === 0xbb && c === 0xbf) return { encoding: "utf-8", bomLength: 3 };
  const maybeBom = head.length === 0 || (head.length === 1 && (a === 0xfe || a === 0xff || a === 0xef)) || (head.length === 2 && a === 0xef && b === 0xbb);
  return maybeBom && !atEnd ? undefined : { encoding: "utf-8", bomLength: 0 };
}

/** Decodes the whole input at once. */
export function decodeInput(bytes: Uint8Array): DecodedInput {
  const d = new InputDecoder();
  const text = d.push(bytes) + d.end();
  return { text, encoding: d.encoding ?? "utf-8", bom: d.bom, diagnostics: d.diagnostics };
}

/**
 * Decodes a stream chunk by chunk: `push` returns the text decoded so far (possibly ""), `end` the
 * rest. Chunks may split characters anywhere. Valid input is decoded by the platform's TextDecoder
 * in fatal mode; only a chunk it refuses is scanned byte by byte to say where and what.
 */
export class InputDecoder {
  encoding: InputEncoding | undefined;
  bom = false;
  readonly diagnostics: Diagnostic[] = [];
  private head: Uint8Array = new Uint8Array(0);
  private carry: Uint8Array = new Uint8Array(0);
  private strict: TextDecoder | undefined;
  private lenient: TextDecoder | undefined;
  private invalid = 0;
  private firstInvalid: Diagnostic | undefined;
  private nul: Diagnostic | undefined;
  private firstBytes: Uint8Array = new Uint8Array(0);
  /** Position reached in the decoded text, to place a diagnostic: 1-based line, 0-based column. */
  private line = 1;
  private column = 0;
  private pendingCr = false;

  push(chunk: Uint8Array): string {
    if (this.encoding === undefined) {
      this.head = concat(this.head, chunk);
      const sniffed = sniffBom(this.head);
      if (!sniffed) return "";
      return this.begin(sniffed);
    }
    return this.feed(chunk);
  }

  end(): string {
    let text = this.encoding === undefined ? this.begin(sniffBom(this.head, true)!) : "";
    // A truncated last character: ill-formed, replaced like any other.
    if (this.carry.length) text += this.decode(this.carry, true);
    this.carry = new Uint8Array(0);
    this.finish();
    return text;
  }

  private begin(sniffed: { encoding: InputEncoding; bomLength: number }): string {
    this.encoding = sniffed.encoding;
    this.bom = sniffed.bomLength > 0;
    // ignoreBOM: the BOM is already cut off here; a second U+FEFF is text, as for BOMOverride.
    this.strict = new TextDecoder(sniffed.encoding, { fatal: true, ignoreBOM: true });
    this.lenient = new TextDecoder(sniffed.encoding, { fatal: false, ignoreBOM: true });
    const rest = this.head.subarray(sniffed.bomLength);
    this.head = new Uint8Array(0);
    return this.feed(rest);
  }

  private feed(chunk: Uint8Array): string {
    if (this.firstBytes.length < 64) this.firstBytes = concat(this.firstBytes, chunk.slice(0, 64 - this.firstBytes.length));
    const data = this.carry.length ? concat(this.carry, chunk) : chunk;
    const cut = completeLength(data, this.encoding!);
    this.carry = data.slice(cut);
    return this.decode(data.subarray(0, cut));
  }

  private decode(bytes: Uint8Array, truncated = false): string {
    if (bytes.length === 0) return "";
    let text: string;
    if (this.invalid === 0 && !truncated) {
      try {
        text = this.strict!.decode(bytes);
      } catch {
        text = this.locateInvalid(bytes);
      }
    } else {
      text = truncated ? this.truncatedTail(bytes) : this.locateInvalid(bytes);
    }
    this.noteNul(text);
    this.advance(text);
    return text;
  }

  /** Decodes `bytes` (known to hold ill-formed sequences), counting them and placing the first. */
  private locateInvalid(bytes: Uint8Array): string {
    const enc = this.encoding!;
    const bad = enc === "utf-8" ? invalidUtf8(bytes) : invalidUtf16(bytes, enc === "utf-16le");
    if (bad.length && this.invalid === 0) {
      const before = this.lenient!.decode(bytes.subarray(0, bad[0]));
      this.firstInvalid = this.placed(before, enc === "utf-8" ? describeUtf8Byte(bytes, bad[0]) : describeUtf16Unit(bytes, bad[0], enc === "utf-16le"));
    }
    this.invalid += bad.length;
    return this.lenient!.decode(bytes);
  }

  private truncatedTail(bytes: Uint8Array): string {
    const enc = this.encoding!;
    if (this.invalid === 0) this.firstInvalid = this.placed("", `the input ends inside a character (${hex(bytes)}${enc === "utf-8" ? "" : `, ${enc.toUpperCase()}`})`);
    this.invalid++;
    return this.lenient!.decode(bytes);
  }

  /** A diagnostic placed where `before` (the text decoded ahead of the problem) would leave it. */
  private placed(before: string, what: string): Diagnostic {
    const save = { line: this.line, column: this.column, pendingCr: this.pendingCr };
    this.advance(before);
    const at = { line: this.line, column: this.column + 1 };
    Object.assign(this, save);
    return { severity: "error", code: "input-encoding", message: what, line: at.line, column: at.column, source: SOURCE };
  }

  private noteNul(text: string): void {
    if (this.nul) return;
    const i = text.indexOf("\u0000");
    if (i >= 0) this.nul = this.placed(text.slice(0, i), "");
  }

  private finish(): void {
    if (this.nul) {
      // Worded at the end, when the first bytes are known however the input was chunked.
      const d = this.nul;
      const utf16 = this.encoding === "utf-8" ? utf16WithoutBom(this.firstBytes) : undefined;
      d.code = "binary-input";
      d.message = utf16
        ? `This input looks like ${utf16} without a byte order mark: kubectl reads UTF-16 only after a BOM (FE FF or FF FE), otherwise as UTF-8, where it is not a manifest. Save it as UTF-8, or as UTF-16 with a BOM.`
        : `This input holds binary data (a NUL character, 0x00, at line ${d.line}, column ${d.column}), not a YAML or JSON manifest: kubectl would not apply it as one.`;
      this.diagnostics.push(d);
    } else if (this.firstInvalid) {
      const d = this.firstInvalid;
      const enc = this.encoding === "utf-8" ? "UTF-8" : this.encoding!.toUpperCase();
      const more = this.invalid > 1 ? ` (and ${this.invalid - 1} more ill-formed sequence${this.invalid === 2 ? "" : "s"})` : "";
      d.message = `The input is not ${enc}${this.bom && this.encoding !== "utf-8" ? " as its byte order mark says" : ""}: ${d.message} at line ${d.line}, column ${d.column}${more}. kubectl would read each such sequence as U+FFFD, the replacement character, so what it applies differs from this file; save the file as UTF-8.`;
      this.diagnostics.push(d);
    }
  }

  /** Moves the line/column past `text`; CRLF, CR and LF end a line, as in the YAML reader. */
  private advance(text: string): void {
    if (text.length === 0) return;
    if (!this.pendingCr && text.indexOf("\r") === -1) {
      // LF only (most input): counted with indexOf, many times faster than the expression below.
      let n = 0;
      let last = -1;
      for (let at = text.indexOf("\n"); at !== -1; at = text.indexOf("\n", at + 1)) {
        n++;
        last = at;
      }
      this.line += n;
      this.column = last < 0 ? this.column + text.length : text.length - last - 1;
      return;
    }
    let i = 0;
    if (this.pendingCr) {
      this.pendingCr = false;
      if (text[0] === "\n") i = 1; // the LF of a CRLF split between chunks
    }
    const eol = /\r\n?|\n/g;
    eol.lastIndex = i;
    let lastEnd = -1;
    let m: RegExpExecArray | null;
    while ((m = eol.exec(text)) !== null) {
      this.line++;
      lastEnd = m.index + m[0].length;
    }
    if (lastEnd < 0) this.column += text.length - i;
    else {
      this.column = text.length - lastEnd;
      if (lastEnd === text.length && text[lastEnd - 1] === "\r") this.pendingCr = true;
    }
  }
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  if (a.length === 0) return b;
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}

/** Length of the prefix of `data` that ends on a character boundary (the rest waits for more). */
function completeLength(data: Uint8Array, enc: InputEncoding): number {
  const n = data.length;
  if (enc === "utf-8") {
    // Back up over at most 3 continuation bytes to a lead byte whose sequence is not complete.
    for (let back = 1; back <= Math.min(3, n); back++) {
      const b = data[n - back];
      if ((b & 0xc0) === 0x80) continue;
      const need = b >= 0xf0 && b <= 0xf4 ? 4 : b >= 0xe0 ? 3 : b >= 0xc2 && b < 0xe0 ? 2 : 1;
      return need > back ? n - back : n;
    }
    return n;
  }
  let cut = n - (n % 2);
  // A high surrogate last waits for its pair.
  if (cut >= 2) {
    const unit = enc === "utf-16le" ? data[cut - 2] | (data[cut - 1] << 8) : (data[cut - 2] << 8) | data[cut - 1];
    if (unit >= 0xd800 && unit <= 0xdbff) cut -= 2;
  }
  return cut;
}

/** Byte offsets where an ill-formed UTF-8 sequence starts (Unicode's maximal-subpart rule). */
function invalidUtf8(b: Uint8Array): number[] {
  const out: number[] = [];
  let i = 0;
  while (i < b.length) {
    const c = b[i];
    if (c < 0x80) {
      i++;
      continue;
    }
    let need = 0;
    let lo = 0x80;
    let hi = 0xbf;
    if (c >= 0xc2 && c <= 0xdf) need = 1;
    else if (c >= 0xe0 && c <= 0xef) {
      need = 2;
      if (c === 0xe0) lo = 0xa0;
      if (c === 0xed) hi = 0x9f;
    } else if (c >= 0xf0 && c <= 0xf4) {
      need = 3;
      if (c === 0xf0) lo = 0x90;
      if (c === 0xf4) hi = 0x8f;
    } else {
      out.push(i++);
      continue;
    }
    let j = 1;
    for (; j <= need && i + j < b.length; j++) {
      const x = b[i + j];
      if (x < (j === 1 ? lo : 0x80) || x > (j === 1 ? hi : 0xbf)) break;
    }
    if (j <= need) out.push(i);
    i += j;
  }
  return out;
}

/** Byte offsets of unpaired surrogates. */
function invalidUtf16(b: Uint8Array, le: boolean): number[] {
  const out: number[] = [];
  const unit = (i: number) => (le ? b[i] | (b[i + 1] << 8) : (b[i] << 8) | b[i + 1]);
  for (let i = 0; i + 1 < b.length; i += 2) {
    const u = unit(i);
    if (u >= 0xd800 && u <= 0xdbff) {
      const next = i + 3 < b.length ? unit(i + 2) : -1;
      if (next >= 0xdc00 && next <= 0xdfff) i += 2;
      else out.push(i);
    } else if (u >= 0xdc00 && u <= 0xdfff) out.push(i);
  }
  return out;
}

const hex = (bytes: Uint8Array) => Array.from(bytes, (x) => `0x${x.toString(16).toUpperCase().padStart(2, "0")}`).join(" ");

/** "byte 0xE9" and, when it reads as one, the Latin-1 / Windows-1252 character it likely was. */
function describeUtf8Byte(bytes: Uint8Array, at: number): string {
  const c = bytes[at];
  const latin1 = c >= 0xa0 ? String.fromCharCode(c) : undefined;
  return `byte 0x${c.toString(16).toUpperCase().padStart(2, "0")}${latin1 ? ` ("${latin1}" in Latin-1)` : ""}`;
}

function describeUtf16Unit(bytes: Uint8Array, at: number, le: boolean): string {
  const u = le ? bytes[at] | (bytes[at + 1] << 8) : (bytes[at] << 8) | bytes[at + 1];
  return `unpaired surrogate 0x${u.toString(16).toUpperCase()}`;
}

/** "UTF-16LE"/"UTF-16BE" when the first bytes look like ASCII text in UTF-16 (every other byte 0). */
function utf16WithoutBom(first: Uint8Array): string | undefined {
  const n = first.length - (first.length % 2);
  if (n < 4) return undefined;
  let evenZero = 0;
  let oddZero = 0;
  for (let i = 0; i < n; i += 2) {
    if (first[i] === 0 && first[i + 1] !== 0) evenZero++;
    if (first[i + 1] === 0 && first[i] !== 0) oddZero++;
  }
  const pairs = n / 2;
  if (oddZero >= pairs * 0.75) return "UTF-16LE";
  if (evenZero >= pairs * 0.75) return "UTF-16BE";
  return undefined;
}
