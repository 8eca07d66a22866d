// The smallest text edit that sets (or removes) one value at a contract path, keeping the rest of
// the text — comments, order, style — as the person wrote it. Used by one-click fixes.

import { isMap, keySpan } from "../yaml/access";
import { splitPath } from "../yaml/locate";
import type { MapPos, ParsedText } from "../yaml/parse";

export interface TextEdit {
  /** 0-based offsets into the text; `end` exclusive. */
  start: number;
  end: number;
  text: string;
}

/** A scalar or a small collection in flow style, quoted where YAML 1.1 would misread it. */
export function flow(value: unknown): string {
  if (value === null || value === undefined) return "null";
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  if (typeof value === "string") return /^[A-Za-z_/][\w./-]*$/.test(value) && !/^(y|n|yes|no|on|off|true|false|null|~)$/i.test(value) ? value : JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(flow).join(", ")}]`;
  const o = value as Record<string, unknown>;
  return `{${Object.keys(o).map((k) => `${k}: ${flow(o[k])}`).join(", ")}}`;
}

/** `key: value` lines in block style for maps (arrays stay in flow style), at the given indent. */
function block(key: string, value: unknown, indent: number): string {
  const pad = " ".repeat(indent);
  if (isMap(value) && Object.keys(value).length > 0) {
    return `${pad}${key}:\n${Object.keys(value)
      .map((k) => block(k, value[k], indent + 2))
      .join("\n")}`;
  }
  return `${pad}${key}: ${flow(value)}`;
}

function nest(keys: string[], value: unknown): unknown {
  return keys.reduceRight<unknown>((v, k) => ({ [k]: v }), value);
}

function lineStart(text: string, offset: number): number {
  return text.lastIndexOf("\n", offset - 1) + 1;
}

function lineEnd(text: string, offset: number): number {
  const i = text.indexOf("\n", offset);
  return i === -1 ? text.length : i;
}

function columnOf(text: string, offset: number): number {
  return offset - lineStart(text, offset);
}

/** End of a flow collection that starts at `start` (the offset of its `{` or `[`). */
function flowEnd(text: string, start: number): number {
  let depth = 0;
  let quote: string | null = null;
  for (let i = start; i < text.length; i++) {
    const ch = text[i];
    if (quote) {
      if (ch === "\\" && quote === '"') i++;
      else if (ch === quote) quote = null;
      continue;
    }
    if (ch === '"' || ch === "'") quote = ch;
    else if (ch === "{" || ch === "[") depth++;
    else if (ch === "}" || ch === "]") {
      depth--;
      if (depth === 0) return i;
    }
  }
  return -1;
}

/**
 * The edit that sets `path` (from the document root) to `value`, or removes the key when `value`
 * is undefined. Undefined when the path runs through something that is not a map (the fix then
 * needs a person).
 */
export function setValueEdit(parsed: ParsedText, root: unknown, path: string, value: unknown): TextEdit | undefined {
  const text = parsed.text;
  const segs = splitPath(path);
  let node: unknown = root;
  let i = 0;
  for (; i < segs.length; i++) {
    const seg = segs[i];
    if (typeof seg === "number") {
      if (!Array.isArray(node) || seg >= node.length) return undefined;
      node = node[seg];
      continue;
    }
    if (!isMap(node) || !Object.prototype.hasOwnProperty.call(node, seg)) break;
    if (i === segs.length - 1) break;
    const next = node[seg];
    if (next === null || next === undefined) break;
    node = next;
  }
  if (!isMap(node)) return undefined;
  const key = segs[i];
  if (typeof key !== "string") return undefined;
  const rest = segs.slice(i + 1);
  if (rest.some((s) => typeof s !== "string")) return undefined;
  const pos = parsed.positions.get(node) as MapPos | undefined;
  if (!pos) return undefined;
  const span = keySpan(parsed.positions, node, key);
  const isFlowMap = text[pos.start] === "{";

  if (span) {
    const current = node[key];
    if (value === undefined && rest.length === 0) return removeKey(text, span, isFlowMap);
    if (value === undefined) return undefined;
    const nested = nest(rest as string[], value);
    const written = text.slice(span.valueStart, span.valueEnd).trim();
    if ((current === null || current === undefined) && !isFlowMap && written === "" && isMap(nested)) {
      // `securityContext:` with nothing after it: put the new block under the key.
      const indent = columnOf(text, span.keyStart) + 2;
      const at = lineEnd(text, span.keyStart);
      return { start: at, end: at, text: `\n${Object.keys(nested).map((k) => block(k, nested[k], indent)).join("\n")}` };
    }
    // Replace an existing value (scalar, flow or block) with the new one in flow style.
    return { start: span.valueStart, end: span.valueEnd, text: flow(nested) };
  }

  if (value === undefined) return undefined; // nothing to remove
  const nested = nest(rest as string[], value);
  if (isFlowMap) {
    const close = flowEnd(text, pos.start);
    if (close === -1) return undefined;
    const before = text.slice(pos.start + 1, close).trim();
    return { start: close, end: close, text: `${before ? ", " : ""}${key}: ${flow(nested)}` };
  }
  // Block map: a new entry after the last one, at the same indentation as the first key.
  const indent = pos.names.length ? columnOf(text, pos.offs[0]) : columnOf(text, pos.start);
  let lastEnd = pos.start;
  for (let k = 0; k < pos.names.length; k++) lastEnd = Math.max(lastEnd, pos.offs[k * 3 + 2]);
  const at = lineEnd(text, lastEnd);
  return { start: at, end: at, text: `\n${block(key, nested, indent)}` };
}

function removeKey(text: string, span: { keyStart: number; valueEnd: number }, flowStyle: boolean): TextEdit {
  if (flowStyle) {
    // Remove `key: value` and one neighbouring comma.
    let start = span.keyStart;
    let end = span.valueEnd;
    const after = /^\s*,\s*/.exec(text.slice(end));
    if (after) end += after[0].length;
    else {
      const before = /,\s*$/.exec(text.slice(0, start));
      if (before) start -= before[0].length;
    }
    return { start, end, text: "" };
  }
  const start = lineStart(text, span.keyStart);
  const end = lineEnd(text, span.valueEnd);
  return { start, end: Math.min(text.length, end + 1), text: "" };
}

/** Applies edits (non-overlapping) to a text. */
export function applyEdits(text: string, edits: TextEdit[]): string {
  let out = text;
  for (const e of [...edits].sort((a, b) => b.start - a.start)) out = out.slice(0, e.start) + e.text + out.slice(e.end);
  return out;
}

