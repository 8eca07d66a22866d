// Decoding input as kubectl does (cli-runtime FileVisitor: BOMOverride(UTF8 decoder)): UTF-8 with or
// without a BOM and UTF-16 with a BOM are read; anything else is read with U+FFFD and said so.

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { decodeInput, InputDecoder, sniffBom } from "./decode";

const POD = "apiVersion: v1\nkind: Pod\nmetadata: {name: café}\nspec:\n  containers:\n  - {name: app, image: x, securityContext: {privileged: true}}\n";
const utf16 = (s: string, le: boolean, bom = true) => {
  const out = new Uint8Array((s.length + (bom ? 1 : 0)) * 2);
  const units = (bom ? "\ufeff" : "") + s;
  for (let i = 0; i < units.length; i++) {
    const u = units.charCodeAt(i);
    out[2 * i + (le ? 0 : 1)] = u & 0xff;
    out[2 * i + (le ? 1 : 0)] = u >> 8;
  }
  return out;
};
const utf8 = (s: string) => new TextEncoder().encode(s);
const latin1 = (s: string) => Uint8Array.from(s, (c) => c.charCodeAt(0));
const bytes = (...parts: (Uint8Array | number[])[]) => Uint8Array.from(parts.flatMap((p) => Array.from(p)));

describe("decodeInput", () => {
  it.each([
    ["UTF-8", utf8(POD), "utf-8", false],
    ["UTF-8 with a BOM", bytes([0xef, 0xbb, 0xbf], utf8(POD)), "utf-8", true],
    ["UTF-16LE with a BOM", utf16(POD, true), "utf-16le", true],
    ["UTF-16BE with a BOM", utf16(POD, false), "utf-16be", true],
    ["UTF-16LE with a BOM and a character outside the BMP", utf16(`${POD}# 𝒳\n`, true), "utf-16le", true],
    ["an empty input", new Uint8Array(0), "utf-8", false],
    ["a lone BOM", bytes([0xef, 0xbb, 0xbf]), "utf-8", true],
    ["two bytes that start a BOM but end the input", bytes([0xef, 0xbb]), "utf-8", false],
  ])("%s: read as written, no diagnostic", (_what, input, encoding, bom) => {
    const d = decodeInput(input);
    expect(d.encoding).toBe(encoding);
    expect(d.bom).toBe(bom);
    if (input.length > 3) expect(d.text.replace("\n# 𝒳", "")).toBe(POD);
    if (input.length === 2) {
      expect(d.diagnostics).toHaveLength(1); // EF BB alone is a truncated character
      return;
    }
    expect(d.diagnostics).toEqual([]);
  });

  it("only the first BOM is taken off, as BOMOverride does", () => {
    expect(decodeInput(bytes([0xef, 0xbb, 0xbf, 0xef, 0xbb, 0xbf], utf8("a"))).text).toBe("\ufeffa");
  });

  it.each([
    ["Latin-1 é", latin1("apiVersion: v1\nkind: Pod\nmetadata: {name: café}\n"), "input-encoding", 3, 21, /^The input is not UTF-8: byte 0xE9 \("é" in Latin-1\) at line 3, column 21\. kubectl would read each such sequence as U\+FFFD/],
    ["several Latin-1 bytes, CRLF lines", latin1("a: 1\r\nb: ééé\r\n"), "input-encoding", 2, 4, /byte 0xE9 .* at line 2, column 4 \(and 2 more ill-formed sequences\)/],
    ["a truncated character at the end", bytes(utf8("a: b\n"), [0xe2, 0x82]), "input-encoding", 2, 1, /the input ends inside a character \(0xE2 0x82\) at line 2, column 1/],
    ["an overlong encoding", bytes(utf8("x: "), [0xc0, 0xaf]), "input-encoding", 1, 4, /byte 0xC0/],
    ["an unpaired surrogate in UTF-16LE", bytes(utf16("a: ", true), [0x00, 0xd8, 0x41, 0x00]), "input-encoding", 1, 4, /^The input is not UTF-16LE as its byte order mark says: unpaired surrogate 0xD800 at line 1, column 4/],
    ["binary data", bytes(utf8("kind: Pod\nx"), [0, 1, 2, 0xff, 0x80]), "binary-input", 2, 2, /^This input holds binary data \(a NUL character, 0x00, at line 2, column 2\)/],
    ["UTF-16LE without a BOM", utf16(POD, true, false), "binary-input", 1, 2, /^This input looks like UTF-16LE without a byte order mark: kubectl reads UTF-16 only after a BOM/],
    ["UTF-16BE without a BOM", utf16(POD, false, false), "binary-input", 1, 1, /looks like UTF-16BE without a byte order mark/],
  ])("%s: an error diagnostic that says what and where", (_what, input, code, line, column, message) => {
    const d = decodeInput(input);
    expect(d.diagnostics).toHaveLength(1);
    expect(d.diagnostics[0]).toMatchObject({ severity: "error", code, line, column });
    expect(d.diagnostics[0].message).toMatch(message);
    expect(d.diagnostics[0].source).toContain("cli-runtime pkg/resource/visitor.go");
    // The text is what kubectl would decode: replacement characters where the bytes were ill-formed.
    expect(d.text).toBe(new TextDecoder(d.encoding, { ignoreBOM: false }).decode(input));
  });

  it("sniffBom waits while the first bytes may still start a BOM", () => {
    expect(sniffBom(bytes([0xef]))).toBeUndefined();
    expect(sniffBom(bytes([0xef, 0xbb]))).toBeUndefined();
    expect(sniffBom(bytes([0xff]))).toBeUndefined();
    expect(sniffBom(bytes([0xef]), true)).toEqual({ encoding: "utf-8", bomLength: 0 });
    expect(sniffBom(bytes([0x61]))).toEqual({ encoding: "utf-8", bomLength: 0 });
    expect(sniffBom(bytes([0xff, 0xfe]))).toEqual({ encoding: "utf-16le", bomLength: 2 });
  });

  it("chunked input decodes to the same text and diagnostics, wherever the chunks split", () => {
    const inputs = fc.oneof(
      fc.string({ unit: "binary" }).map((s) => utf8(s)),
      fc.string({ unit: "binary" }).map((s) => utf16(s, true)),
      fc.string({ unit: "binary" }).map((s) => utf16(s, false)),
      fc.uint8Array({ maxLength: 64 }),
      fc.tuple(fc.string(), fc.uint8Array({ maxLength: 8 }), fc.string()).map(([a, b, c]) => bytes(utf8(a), b, utf8(c))),
    );
    fc.assert(
      fc.property(inputs, fc.array(fc.nat(), { maxLength: 6 }), (input, cuts) => {
        const whole = decodeInput(input);
        const points = [...new Set(cuts.map((c) => c % (input.length + 1)))].sort((a, b) => a - b);
        const dec = new InputDecoder();
        let text = "";
        let from = 0;
        for (const p of [...points, input.length]) {
          text += dec.push(input.subarray(from, p));
          from = p;
        }
        text += dec.end();
        expect(text).toBe(whole.text);
        expect(dec.diagnostics).toEqual(whole.diagnostics);
        // Valid input in one piece never gets a diagnostic; the text is always what TextDecoder gives.
        const platform = new TextDecoder(whole.encoding, { ignoreBOM: false }).decode(input);
        expect(whole.text).toBe(platform);
        const valid = (() => {
          try {
            new TextDecoder(whole.encoding, { fatal: true }).decode(input);
            return !platform.includes("\u0000");
          } catch {
            return false;
          }
        })();
        expect(whole.diagnostics.length === 0).toBe(valid);
      }),
      { numRuns: 200 },
    );
  }, 60_000);
});

describe("where an ill-formed byte is placed", () => {
  it("at the line and column of the text before it, however the input is cut (LF, CRLF and CR lines)", () => {
    const line = fc.tuple(fc.string({ unit: fc.constantFrom("a", " ", "é", "-") , maxLength: 6 }), fc.constantFrom("\n", "\r\n", "\r"));
    fc.assert(
      fc.property(fc.array(line, { maxLength: 8 }), fc.string({ unit: fc.constantFrom("a", "b"), maxLength: 4 }), fc.array(fc.integer({ min: 1, max: 7 }), { minLength: 1, maxLength: 5 }), (lines, last, cuts) => {
        const before = lines.map(([t, eol]) => t + eol).join("") + last;
        const input = new Uint8Array([...Buffer.from(before, "utf8"), 0xff, 0x61]);
        const d = new InputDecoder();
        let at = 0;
        for (let i = 0; at < input.length; i++) {
          const n = cuts[i % cuts.length];
          d.push(input.subarray(at, at + n));
          at += n;
        }
        d.end();
        const rows = before.split(/\r\n|\r|\n/);
        expect(d.diagnostics[0]).toMatchObject({ line: rows.length, column: rows[rows.length - 1].length + 1 });
      }),
      { numRuns: 300 },
    );
  });
});
