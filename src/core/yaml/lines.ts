// Offset → line/column by binary search over line starts: computed once per text, so reporting a
// position costs O(log lines) instead of a scan from the top.

export interface LineIndex {
  /** Offset of the first character of each line. */
  starts: Int32Array | number[];
  length: number;
  /** Line number of the text's first line: 1, or more for a part of a bigger input read as a stream. */
  firstLine?: number;
}

export function buildLineIndex(text: string, firstLine = 1): LineIndex {
  const starts: number[] = [0];
  if (text.includes("\r")) {
    // A lone CR ends a line too, as for js-yaml, go-yaml and the editor (old Mac line ends): without
    // this a CR-only text was one long line 1. CRLF stays one line end.
    const eol = /\r\n?|\n/g;
    let m: RegExpExecArray | null;
    while ((m = eol.exec(text)) !== null) starts.push(m.index + m[0].length);
  } else {
    let i = text.indexOf("\n");
    while (i !== -1) {
      starts.push(i + 1);
      i = text.indexOf("\n", i + 1);
    }
  }
  return firstLine === 1 ? { starts, length: text.length } : { starts, length: text.length, firstLine };
}

/** 1-based line and column of a 0-based offset (clamped into the text). */
export function positionAt(index: LineIndex, offset: number): { line: number; column: number } {
  const starts = index.starts;
  const o = Math.max(0, Math.min(offset, index.length));
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= o) lo = mid;
    else hi = mid - 1;
  }
  return { line: lo + (index.firstLine ?? 1), column: o - starts[lo] + 1 };
}

/** 0-based offset of a 1-based line and column. */
export function offsetAt(index: LineIndex, line: number, column: number): number {
  const l = Math.max(1, Math.min(line - (index.firstLine ?? 1) + 1, index.starts.length));
  return Math.min(index.starts[l - 1] + Math.max(0, column - 1), index.length);
}
