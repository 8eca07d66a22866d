import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { goQuote } from "./quote";

// Expected values as Go's strconv.Quote prints them (go/src/strconv/quote.go appendQuotedWith).
describe("goQuote", () => {
  it.each([
    ["app", '"app"'],
    ["", '""'],
    ['say "hi"', '"say \\"hi\\""'],
    ["a\\b", '"a\\\\b"'],
    ["tab\there", '"tab\\there"'],
    ["bell\x07", '"bell\\a"'],
    ["\x00", '"\\x00"'],
    ["\x7f", '"\\x7f"'],
    ["\x1b[2J", '"\\x1b[2J"'],
    ["héllo", '"héllo"'],
    ["\u200b", '"\\u200b"'],
    ["\u{e0001}", '"\\U000e0001"'],
    ["\ud800", '"\ufffd"'],
  ])("%j prints as %s", (input, expected) => {
    expect(goQuote(input)).toBe(expected);
  });

  it("prints every ASCII character as Go does, alone or among plain ones", () => {
    for (let cp = 0; cp < 0x80; cp++) {
      const ch = String.fromCharCode(cp);
      const plain = cp >= 0x20 && cp < 0x7f && ch !== '"' && ch !== "\\";
      const alone = goQuote(ch);
      if (plain) expect(alone).toBe(`"${ch}"`);
      else expect(alone).toMatch(/^"\\/);
      expect(goQuote(`a${ch}é`)).toBe(`"a${alone.slice(1, -1)}é"`);
    }
  });

  it("quotes a string as the concatenation of its characters' quotes", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary" }), (s) => {
        const each = [...s].map((ch) => goQuote(ch).slice(1, -1)).join("");
        expect(goQuote(s)).toBe(`"${each}"`);
      }),
      { numRuns: 2000 },
    );
  });
});
