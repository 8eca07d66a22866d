// The did-you-mean rename of an unknown field: needs only the line index, not a parse, so the page
// can offer it without loading the YAML parser (core/fixes.ts re-exports it).
import type { Diagnostic } from "./types";
import type { TextEdit } from "./edit/yamlEdit";
import { buildLineIndex } from "./yaml/lines";

/**
 * The quick fix for an unknown field the validator recognised as a typo (`… — did you mean "runAsUser"?`):
 * the key renamed, quotes kept. Undefined when the diagnostic has no suggestion or the text moved.
 */
export function didYouMeanFix(text: string, d: Diagnostic): { title: string; edit: TextEdit } | undefined {
  if (d.code !== "unknown-field" || !d.path) return undefined;
  const m = /did you mean "([^"]+)"\?$/.exec(d.message);
  if (!m) return undefined;
  const key = /([^.[\]]+)$/.exec(d.path)?.[1];
  if (!key) return undefined;
  const lines = buildLineIndex(text);
  if (d.line < 1 || d.line > lines.starts.length) return undefined;
  let start = lines.starts[d.line - 1] + d.column - 1;
  if (text[start] === '"' || text[start] === "'") start++;
  if (text.slice(start, start + key.length) !== key) return undefined;
  return { title: `Rename ${key} to ${m[1]}`, edit: { start, end: start + key.length, text: m[1] } };
}
