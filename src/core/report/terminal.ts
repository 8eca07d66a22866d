// Text a terminal shows as text: every character that a terminal or a bidi-aware viewer would
// act on is written as an escape instead. Pure: used by the CLI's report, its stderr messages, and
// anything else that prints manifest-derived strings (names, values, file names) to a terminal.

const NAMED: Record<string, string> = { "\n": "\\n", "\r": "\\r", "\t": "\\t" };

/**
 * Characters that are not shown as themselves:
 * - C0 controls U+0000–U+001F (ESC starts CSI/OSC sequences: clear screen, colours, window title,
 *   OSC 8 hyperlinks; BEL; BS and CR overwrite what was printed; LF forges report lines),
 * - DEL U+007F and the C1 controls U+0080–U+009F (U+009B is a one-byte CSI, U+009D a one-byte OSC),
 * - bidi embeddings/overrides U+202A–U+202E and isolates U+2066–U+2069, plus the marks U+200E,
 *   U+200F and U+061C (they reorder what follows: "Trojan Source", CVE-2021-42574),
 * - line and paragraph separators U+2028/U+2029, and lone surrogates (not text).
 */
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** Whether the text holds a character escapeControls would escape. */
export function hasControls(s: string): boolean {
  UNSAFE.lastIndex = 0;
  const found = UNSAFE.test(s);
  UNSAFE.lastIndex = 0;
  return found;
}

/** `s` with control, bidi and separator characters written as `\n`, `\x1b`, `\u202e`, … */
export function escapeControls(s: string): string {
  return s.replace(UNSAFE, (c) => {
    const named = NAMED[c];
    if (named) return named;
    const code = c.charCodeAt(0);
    return code < 0x100 ? `\\x${code.toString(16).padStart(2, "0")}` : `\\u${code.toString(16).padStart(4, "0")}`;
  });
}
