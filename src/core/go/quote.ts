// Go's strconv.Quote (what %q and %#v print for a string). Upstream messages quote names and
// values this way (PSA details, API validation values, the kubelet's pod descriptions), so every
// module that repeats an upstream message uses this one function.

/**
 * Go's unicode.IsPrint, approximately: letters, marks, numbers, punctuation, symbols and the ASCII
 * space. Made when first needed: V8 parses a regular expression when it creates it, and expanding
 * these Unicode classes costs ~2 ms at every start of the command line.
 */
let printable: RegExp | undefined;
const isPrintable = (ch: string) => (printable ??= /^[\p{L}\p{M}\p{N}\p{P}\p{S} ]$/u).test(ch);

const ESCAPES: Record<string, string> = {
  '"': '\\"',
  "\\": "\\\\",
  "\x07": "\\a",
  "\b": "\\b",
  "\f": "\\f",
  "\n": "\\n",
  "\r": "\\r",
  "\t": "\\t",
  "\v": "\\v",
};

/** Printable ASCII but `"` and `\\`: Go prints such a string as it is, between quotes. */
const PLAIN_ASCII = /^[ !#-[\]-~]*$/;

export function goQuote(s: string): string {
  // Most names and values are plain ASCII; the Unicode test (a large compiled class) is for the rest.
  if (PLAIN_ASCII.test(s)) return `"${s}"`;
  let out = '"';
  for (const ch of s) {
    const cp = ch.codePointAt(0) ?? 0;
    const esc = Object.prototype.hasOwnProperty.call(ESCAPES, ch) ? ESCAPES[ch] : undefined;
    if (esc !== undefined) out += esc;
    else if (cp >= 0xd800 && cp <= 0xdfff) out += "\ufffd"; // a lone surrogate is not UTF-8: Go sees U+FFFD
    else if (cp >= 0x20 && cp < 0x7f) out += ch;
    else if (cp >= 0x80 && isPrintable(ch)) out += ch;
    else if (cp < 0x20 || cp === 0x7f) out += `\\x${cp.toString(16).padStart(2, "0")}`;
    else if (cp < 0x10000) out += `\\u${cp.toString(16).padStart(4, "0")}`;
    else out += `\\U${cp.toString(16).padStart(8, "0")}`;
  }
  return `${out}"`;
}
