// Finds where a document path is written: a text parsed once, then any number of look-ups. The
// range covers the key and its value when they share a line, else the key's line.

import { parseYamlText, type ParsedText } from "./parse";
import { locatePath } from "./locate";
import { positionAt } from "./lines";

export interface TextRange {
  line: number;
  column: number;
  endLine?: number;
  endColumn?: number;
}

/** `parsed`: the text as parseYamlText gave it, when the caller has it already (it is only read). */
export function textLocator(text: string, parsed: ParsedText = parseYamlText(text)): (document: number, path: string) => TextRange | undefined {
  return (document, path) => {
    const doc = parsed.documents[document];
    if (!doc?.ok) return undefined;
    const found = locatePath(parsed.positions, doc.value, path);
    if (!found?.exact) return undefined;
    const start = positionAt(parsed.lines, found.span.keyStart);
    const end = positionAt(parsed.lines, found.span.valueEnd);
    if (end.line === start.line && end.column > start.column) return { line: start.line, column: start.column, endLine: end.line, endColumn: end.column };
    // A value on later lines (a map, a list): underline to the end of the key's line.
    const starts = parsed.lines.starts;
    const lineEnd = start.line < starts.length ? starts[start.line] - 1 : parsed.lines.length;
    let endCol = lineEnd - starts[start.line - 1] + 1;
    if (text[lineEnd - 1] === "\r") endCol--;
    return { line: start.line, column: start.column, endLine: start.line, endColumn: Math.max(start.column + 1, endCol) };
  };
}
