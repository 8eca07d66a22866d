// Manifest-derived strings in GitHub-flavoured Markdown, shown as literal text: no heading, list,
// quote, emphasis, link, image, autolink, HTML or entity can be injected, and a table cell cannot
// be split or ended. Control characters are first written as escapes (terminal.ts), so a newline
// in a name becomes the two characters "\n" and cannot start a block of its own.

import { escapeControls } from "./terminal";

/**
 * Prose: every ASCII punctuation character backslash-escaped (CommonMark lets any of them be
 * escaped, and an escaped one is always literal). That also keeps a cell's `|` inside the cell,
 * and breaks the GFM autolink-literal triggers (`www.`, `://`, `@`).
 */
export function mdText(s: string): string {
  return escapeControls(s).replace(/[!-/:-@[-`{-~]/g, "\\$&");
}

/**
 * An inline code span showing `s` verbatim (names, values, paths): its fence is one backtick longer
 * than the longest run inside, padded when `s` starts or ends with a backtick or a space. In a
 * table a `|` must be escaped even inside code, and GFM drops that backslash before the code is
 * read; a backslash already before a `|` would then be eaten, so such a value is shown as prose.
 */
export function mdCode(s: string, inTable = false): string {
  const shown = escapeControls(s);
  if (shown === "") return "*(empty)*";
  if (inTable && shown.includes("|")) {
    if (/\\\|/.test(shown)) return mdText(s);
  }
  const content = inTable ? shown.replace(/\|/g, "\\|") : shown;
  const longest = Math.max(0, ...(shown.match(/`+/g) ?? []).map((r) => r.length));
  const fence = "`".repeat(longest + 1);
  // CommonMark strips one space from each end of a code span unless it is all spaces.
  const pad = /^[` ]|[` ]$/.test(shown) && !/^ +$/.test(shown) ? " " : "";
  return `${fence}${pad}${content}${pad}${fence}`;
}
