// YAML text → plain values plus source positions, in one pass over js-yaml's events.
//
// Why not js-yaml's own constructor: we need positions for every key and value, kubectl's YAML 1.1
// scalars (sigs.k8s.io/yaml), duplicate keys reported without losing the document, and aliases that
// cannot blow up. Why split on `---` first: kubectl's YAML reader splits documents on `---` lines
// (k8s.io/apimachinery/pkg/util/yaml YAMLReader), so one broken document must not hide the others.

import { parseEvents, getScalarValue, EVENT_ID, SCALAR_STYLE } from "js-yaml";
import type { Event, ScalarEvent } from "js-yaml";
import type { Diagnostic } from "../types";
import { buildLineIndex, positionAt, type LineIndex } from "./lines";
import { isYaml11OnlyBoolean, resolvePlain, resolveTagged } from "./scalars";

/** Positions of a mapping: for each key (in text order) its key start, value start and value end. */
export interface MapPos {
  kind: "map";
  start: number;
  end: number;
  names: string[];
  offs: number[];
  /** Key → index into names, built on first lookup in a large map (see access.ts keySpan). */
  lookup?: Map<string, number>;
}
/** Positions of a sequence: start and end of each item. */
export interface SeqPos {
  kind: "seq";
  start: number;
  end: number;
  offs: number[];
}
export type NodePos = MapPos | SeqPos;

/** Node → positions. A Map, not a WeakMap: ephemeron tables with millions of keys make GC superlinear. */
export type Positions = Map<object, NodePos>;

export interface ParsedDocument {
  /** 0-based index among the text's YAML documents. */
  index: number;
  /** The document's value; undefined when the document could not be read. */
  value: unknown;
  start: number;
  end: number;
  ok: boolean;
}

export interface ParsedText {
  text: string;
  lines: LineIndex;
  documents: ParsedDocument[];
  positions: Positions;
  diagnostics: Diagnostic[];
}

// A document whose aliases would expand it past this many nodes is refused, as go-yaml refuses
// "excessive aliasing" (billion-laughs documents).
const MAX_EXPANDED_NODES = 2_000_000;
const MAX_EXPANSION_RATIO = 20;
export const MAX_DEPTH = 200;

// At the start of the text or of a line. Not /^…/m: that also matches after U+2028/U+2029, which
// are not line breaks in YAML (a `---` after one is text, not a document separator).
const DOC_SEPARATOR = /(?<![^\r\n])---(?=[ \t\r\n]|$)/g;
/** Blank space and comments, then the `-` of a block sequence item (sticky: matches at lastIndex only). */
const EMPTY_ITEM = /(?:[ \t\r\n]|#[^\r\n]*)*-(?=[ \t\r\n]|$)/y;

interface MapFrame {
  kind: "map";
  /** The key this map is the value of, in its parent map (for SKIPPED_KEYS). */
  name?: string;
  obj: Record<string, unknown>;
  pos: MapPos;
  key: string | undefined;
  keyStart: number;
  keyIsComplex: boolean;
  keyPlain: boolean;
  /** Values of `<<` keys, with the offset of each key (for the refusal of a merge-key bomb). */
  merges: { value: unknown; at: number }[] | undefined;
  /**
   * Key → index into pos.names, built only when a key repeats (the object itself answers "is it
   * there?"), so ordinary maps allocate nothing extra and 100,000 duplicates are not quadratic.
   */
  index: Map<string, number> | undefined;
  sizeAt: number;
  anchor: string | undefined;
}
interface SeqFrame {
  kind: "seq";
  name?: string;
  arr: unknown[];
  pos: SeqPos;
  sizeAt: number;
  anchor: string | undefined;
}
type Frame = MapFrame | SeqFrame;

class AliasingError extends Error {
  constructor(readonly offset: number) {
    super("document contains excessive aliasing");
  }
}

/** `firstLine`: the line number of the text's first line, when it is a part of a streamed input. */
/** `maxDepth`: lower for a List item read on its own, which sits deeper in its whole text. */
export function parseYamlText(text: string, firstLine = 1, maxDepth = MAX_DEPTH): ParsedText {
  const lines = buildLineIndex(text, firstLine);
  const out: ParsedText = { text, lines, documents: [], positions: new Map(), diagnostics: [] };
  const report = (severity: Diagnostic["severity"], code: string, message: string, start: number, end?: number) => {
    const p = positionAt(lines, start);
    const d: Diagnostic = { severity, code, message, line: p.line, column: p.column };
    if (end !== undefined && end > start) {
      const e = positionAt(lines, end);
      d.endLine = e.line;
      d.endColumn = e.column;
    }
    out.diagnostics.push(d);
  };

  for (const [start, end] of splitDocuments(text)) {
    parseChunk(text, start, end, out, report, maxDepth);
  }
  return out;
}

/** Chunk boundaries: each `---` line starts a chunk; text before the first one is a chunk too. */
function splitDocuments(text: string): [number, number][] {
  const cuts: number[] = [0];
  DOC_SEPARATOR.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = DOC_SEPARATOR.exec(text)) !== null) {
    if (m.index !== 0) cuts.push(m.index);
  }
  cuts.push(text.length);
  const chunks: [number, number][] = [];
  for (let i = 0; i + 1 < cuts.length; i++) chunks.push([cuts[i], cuts[i + 1]]);
  return chunks;
}

type Reporter = (severity: Diagnostic["severity"], code: string, message: string, start: number, end?: number) => void;

function parseChunk(text: string, base: number, end: number, out: ParsedText, report: Reporter, maxDepth: number): void {
  const chunk = base === 0 && end === text.length ? text : text.slice(base, end);
  let events: Event[];
  try {
    events = parseEvents(chunk, { maxDepth });
  } catch (e) {
    const err = e as { reason?: string; message?: string; mark?: { position?: number } };
    const pos = base + (err.mark?.position ?? 0);
    const reason = err.reason ?? err.message ?? String(e);
    // A broken chunk with content still counts as a document, so later indexes stay stable.
    if (/\S/.test(stripComments(chunk))) {
      out.documents.push({ index: out.documents.length, value: undefined, start: base, end, ok: false });
    }
    report("error", "yaml-syntax", `YAML syntax error: ${reason}`, Math.min(pos, end));
    return;
  }
  buildDocuments(events, chunk, base, end, out, report);
}

function stripComments(chunk: string): string {
  return chunk.replace(/^\s*---/, "").replace(/#[^\r\n]*/g, "");
}

function buildDocuments(events: Event[], src: string, base: number, chunkEnd: number, out: ParsedText, report: Reporter): void {
  let i = 0;
  while (i < events.length) {
    const ev = events[i];
    if (ev.type !== EVENT_ID.DOCUMENT) {
      i++;
      continue;
    }
    const docStart = base + firstOffset(events, i + 1);
    const builder = new DocBuilder(src, base, out.positions, report, out.lines);
    let j = i + 1;
    try {
      j = builder.run(events, j);
      out.documents.push({ index: out.documents.length, value: builder.root, start: docStart, end: chunkEnd, ok: true });
    } catch (e) {
      // Nothing may escape the reader: an unexpected error costs this document, not the text.
      if (e instanceof AliasingError) report("error", "yaml-aliases", "This document was not analysed: it contains excessive aliasing (its aliases or merge keys would expand it far beyond its size).", base + e.offset);
      else report("error", "internal-error", `This document could not be read (internal error: ${(e as Error)?.message ?? String(e)}).`, docStart);
      out.documents.push({ index: out.documents.length, value: undefined, start: docStart, end: chunkEnd, ok: false });
      j = skipDocument(events, i + 1);
    }
    i = j;
  }
}

function firstOffset(events: Event[], i: number): number {
  const ev = events[i];
  if (!ev) return 0;
  if (ev.type === EVENT_ID.SCALAR) return Math.max(0, ev.anchorStart >= 0 ? ev.anchorStart : ev.valueStart);
  if (ev.type === EVENT_ID.MAPPING || ev.type === EVENT_ID.SEQUENCE) return Math.max(0, ev.start);
  return 0;
}

function skipDocument(events: Event[], i: number): number {
  let depth = 1;
  while (i < events.length && depth > 0) {
    const t = events[i].type;
    if (t === EVENT_ID.MAPPING || t === EVENT_ID.SEQUENCE || t === EVENT_ID.DOCUMENT) depth++;
    else if (t === EVENT_ID.POP) depth--;
    i++;
  }
  return i;
}

/** Builds one document's value from its events. */
class DocBuilder {
  root: unknown = null;
  private stack: Frame[] = [];
  private anchors = new Map<string, { value: unknown; size: number }>();
  private nodes = 0;
  private expanded = 0;
  /** End of the last node seen (start of the last collection opened): where an empty scalar sits. */
  private lastEnd: number;

  constructor(
    private src: string,
    private base: number,
    private positions: Positions,
    private report: Reporter,
    private lines: LineIndex,
  ) {
    this.lastEnd = base;
  }

  /** Consumes events from index i up to this document's POP; returns the index after it. */
  run(events: Event[], i: number): number {
    for (; i < events.length; i++) {
      const ev = events[i];
      switch (ev.type) {
        case EVENT_ID.MAPPING: {
          const skipped = this.skippable() ? skipSubtree(events, i) : -1;
          if (skipped !== -1) {
            // Read for syntax by js-yaml, but not built: see SKIPPED_KEYS.
            this.add({}, this.base + ev.start, this.base + ev.start, false);
            i = skipped;
            break;
          }
          const start = this.base + ev.start;
          const obj: Record<string, unknown> = {};
          const pos: MapPos = { kind: "map", start, end: start, names: [], offs: [] };
          this.positions.set(obj, pos);
          this.lastEnd = start;
          this.stack.push({ kind: "map", obj, pos, key: undefined, keyStart: -1, keyIsComplex: false, keyPlain: false, merges: undefined, index: undefined, sizeAt: this.count(), anchor: this.anchorName(ev), name: this.pendingKey() });
          break;
        }
        case EVENT_ID.SEQUENCE: {
          const skipped = this.skippable() ? skipSubtree(events, i) : -1;
          if (skipped !== -1) {
            this.add([], this.base + ev.start, this.base + ev.start, false);
            i = skipped;
            break;
          }
          const start = this.base + ev.start;
          const arr: unknown[] = [];
          const pos: SeqPos = { kind: "seq", start, end: start, offs: [] };
          this.positions.set(arr, pos);
          this.lastEnd = start;
          this.stack.push({ kind: "seq", arr, pos, sizeAt: this.count(), anchor: this.anchorName(ev), name: this.pendingKey() });
          break;
        }
        case EVENT_ID.SCALAR:
          this.scalar(ev);
          break;
        case EVENT_ID.ALIAS: {
          const name = this.src.slice(ev.anchorStart, ev.anchorEnd);
          const target = this.anchors.get(name);
          const start = this.base + Math.max(0, ev.anchorStart - 1);
          this.charge(target ? target.size : 1, start);
          if (!target) this.report("error", "yaml-syntax", `YAML syntax error: unknown anchor "${name}"`, start, this.base + ev.anchorEnd);
          this.add(target ? target.value : null, start, this.base + ev.anchorEnd, false);
          this.lastEnd = this.base + ev.anchorEnd;
          break;
        }
        case EVENT_ID.POP: {
          const frame = this.stack.pop();
          if (!frame) return i + 1; // end of document
          const value = frame.kind === "map" ? this.finishMap(frame) : frame.arr;
          const size = this.count() - frame.sizeAt;
          if (frame.anchor !== undefined) this.anchors.set(frame.anchor, { value, size });
          this.add(value, frame.pos.start, frame.pos.end, false);
          break;
        }
        case EVENT_ID.DOCUMENT:
          // A nested DOCUMENT cannot occur; guard anyway.
          return i;
      }
    }
    return i;
  }

  /** Where an empty scalar sits: after its anchor or tag, on the `-` of an empty sequence item, or after the key. */
  private emptyAt(ev: ScalarEvent): number {
    let at = this.lastEnd;
    if (ev.anchorEnd >= 0) at = Math.max(at, this.base + ev.anchorEnd);
    if (ev.tagEnd >= 0) at = Math.max(at, this.base + ev.tagEnd);
    const top = this.stack[this.stack.length - 1];
    if (top?.kind === "seq") {
      EMPTY_ITEM.lastIndex = at - this.base;
      if (EMPTY_ITEM.exec(this.src)) at = this.base + EMPTY_ITEM.lastIndex - 1;
    }
    return at;
  }

  /** The key whose value comes next in the innermost map, if it is a map. */
  private pendingKey(): string | undefined {
    const top = this.stack[this.stack.length - 1];
    return top?.kind === "map" ? top.key : undefined;
  }

  /**
   * Whether the collection that starts now is one nothing in the analysis reads: an object's
   * `status` (top level, or an item of a List) and `metadata.managedFields`. They are most of a
   * `kubectl get -o yaml` dump; not building them halves the work and the memory.
   */
  private skippable(): boolean {
    const top = this.stack[this.stack.length - 1];
    if (top?.kind !== "map" || top.key === undefined) return false;
    if (top.key === "managedFields") return top.name === "metadata";
    if (top.key !== "status") return false;
    const n = this.stack.length;
    return n === 1 || (n === 3 && this.stack[1].kind === "seq" && this.stack[1].name === "items");
  }

  private count(): number {
    return this.nodes + this.expanded;
  }

  /** Counts nodes an alias or a merge key adds without text of their own; refuses a bomb. */
  private charge(n: number, offset: number): void {
    this.expanded += n;
    if (this.expanded > MAX_EXPANDED_NODES || (this.expanded > 100_000 && this.expanded > MAX_EXPANSION_RATIO * this.nodes)) {
      throw new AliasingError(offset - this.base);
    }
  }

  private anchorName(ev: { anchorStart: number; anchorEnd: number }): string | undefined {
    return ev.anchorStart >= 0 ? this.src.slice(ev.anchorStart, ev.anchorEnd) : undefined;
  }

  private scalar(ev: ScalarEvent): void {
    this.nodes++;
    const raw = ev.fast ? this.src.slice(ev.valueStart, ev.valueEnd) : getScalarValue(this.src, ev);
    const plain = ev.style === SCALAR_STYLE.PLAIN;
    const tag = ev.tagStart >= 0 ? this.src.slice(ev.tagStart, ev.tagEnd) : undefined;
    let value: unknown;
    if (tag !== undefined && tag !== "!") value = resolveTagged(tag, raw, plain).value;
    else if (plain) value = resolvePlain(raw).value;
    else value = raw;
    let start = this.base + (ev.style === SCALAR_STYLE.PLAIN || ev.style === SCALAR_STYLE.LITERAL_BLOCK || ev.style === SCALAR_STYLE.FOLDED_BLOCK ? ev.valueStart : Math.max(0, ev.valueStart - 1));
    let end = this.base + (ev.style === SCALAR_STYLE.SINGLE_QUOTED || ev.style === SCALAR_STYLE.DOUBLE_QUOTED ? ev.valueEnd + 1 : ev.valueEnd);
    // An empty scalar (`key:` or `- ` with nothing after) has no position of its own (-1): without
    // this it landed on the previous document's last line or on 1:1.
    if (ev.valueStart < 0) start = end = this.emptyAt(ev);
    else this.lastEnd = end;
    const anchor = this.anchorName(ev);
    if (anchor !== undefined) this.anchors.set(anchor, { value, size: 1 });
    const top = this.stack[this.stack.length - 1];
    const isKey = top !== undefined && top.kind === "map" && top.key === undefined;
    if (!isKey && plain && typeof value === "boolean" && tag === undefined && isYaml11OnlyBoolean(raw)) {
      this.report(
        "info",
        "yaml-boolean",
        `"${raw}" is read as the boolean ${value}: kubectl reads YAML 1.1, where yes/no/on/off/y/n and capitalised forms are booleans. Write ${value} (or quote it for a string).`,
        start,
        end,
      );
    }
    this.add(value, start, end, plain);
  }

  /** Places a finished value into the parent frame (as a key or a value) or as the document root. */
  private add(value: unknown, start: number, end: number, plainScalar: boolean): void {
    const top = this.stack[this.stack.length - 1];
    if (!top) {
      this.root = value;
      return;
    }
    if (top.kind === "seq") {
      top.arr.push(value);
      top.pos.offs.push(start, end);
      top.pos.end = end;
      return;
    }
    if (top.key === undefined) {
      top.keyStart = start;
      top.keyIsComplex = value !== null && typeof value === "object";
      top.keyPlain = plainScalar;
      top.key = keyString(value);
      if (top.keyIsComplex) this.report("error", "yaml-key", "A mapping key must be a scalar: Kubernetes cannot convert this document to JSON.", start, end);
      return;
    }
    const key = top.key;
    top.key = undefined;
    top.pos.end = end;
    if (key === "<<" && top.keyPlain && isMergeable(value)) {
      // YAML merge key (go-yaml v2 supports it): keys are copied in finishMap, explicit keys win.
      (top.merges ??= []).push({ value, at: top.keyStart });
      return;
    }
    const names = top.pos.names;
    const idx = Object.prototype.hasOwnProperty.call(top.obj, key) ? indexOfKey(top, key) : -1;
    if (idx !== -1) {
      const prev = positionAt(this.lines, top.pos.offs[idx * 3]);
      this.report("error", "duplicate-key", `mapping key "${key}" already defined at line ${prev.line}`, top.keyStart, top.keyStart + key.length);
      top.pos.offs[idx * 3] = top.keyStart;
      top.pos.offs[idx * 3 + 1] = start;
      top.pos.offs[idx * 3 + 2] = end;
    } else {
      top.index?.set(key, names.length);
      names.push(key);
      top.pos.offs.push(top.keyStart, start, end);
    }
    setOwn(top.obj, key, value);
  }

  private finishMap(frame: MapFrame): Record<string, unknown> {
    if (!frame.merges) return frame.obj;
    for (const m of frame.merges) {
      const sources = Array.isArray(m.value) ? m.value : [m.value];
      for (const s of sources) {
        if (s === null || typeof s !== "object" || Array.isArray(s)) continue;
        const keys = Object.keys(s);
        // Every merged key is a node the text does not spell out: it counts against the same
        // budget as aliases, so a `<<` chain that multiplies keys is refused like an alias bomb.
        this.charge(keys.length, m.at);
        const sp = this.positions.get(s) as MapPos | undefined;
        const spIndex = sp && sp.kind === "map" ? new Map(sp.names.map((k, i) => [k, i] as const)) : undefined;
        for (const k of keys) {
          if (Object.prototype.hasOwnProperty.call(frame.obj, k)) continue;
          setOwn(frame.obj, k, (s as Record<string, unknown>)[k]);
          const si = spIndex?.get(k) ?? -1;
          frame.index?.set(k, frame.pos.names.length);
          frame.pos.names.push(k);
          if (sp && si !== -1) frame.pos.offs.push(sp.offs[si * 3], sp.offs[si * 3 + 1], sp.offs[si * 3 + 2]);
          else frame.pos.offs.push(frame.pos.start, frame.pos.start, frame.pos.start);
        }
      }
    }
    return frame.obj;
  }
}

/**
 * The index after the collection that starts at `i`, or -1 when it holds an anchor (something
 * outside might refer to it, so it must be built after all).
 */
function skipSubtree(events: Event[], i: number): number {
  let depth = 0;
  for (let j = i; j < events.length; j++) {
    const ev = events[j];
    switch (ev.type) {
      case EVENT_ID.MAPPING:
      case EVENT_ID.SEQUENCE:
        if (ev.anchorStart >= 0) return -1;
        depth++;
        break;
      case EVENT_ID.SCALAR:
        if (ev.anchorStart >= 0) return -1;
        break;
      case EVENT_ID.POP:
        depth--;
        if (depth === 0) return j;
        break;
      default:
        break;
    }
  }
  return -1;
}

/** Where a key sits in a map's names; the first repeat builds the index the later ones use. */
function indexOfKey(frame: MapFrame, key: string): number {
  if (!frame.index) frame.index = new Map(frame.pos.names.map((k, i) => [k, i] as const));
  return frame.index.get(key) ?? -1;
}

function isMergeable(v: unknown): boolean {
  if (v === null || typeof v !== "object") return false;
  if (!Array.isArray(v)) return true;
  return v.every((x) => x !== null && typeof x === "object" && !Array.isArray(x));
}

/** How sigs.k8s.io/yaml turns a non-string key into a JSON key. */
function keyString(value: unknown): string {
  if (typeof value === "string") return value;
  if (value === null) return "null";
  if (typeof value === "boolean" || typeof value === "number") return String(value);
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

/** Assigns without ever touching a prototype: `__proto__` becomes an ordinary own key. */
function setOwn(obj: Record<string, unknown>, key: string, value: unknown): void {
  if (key === "__proto__") Object.defineProperty(obj, key, { value, enumerable: true, writable: true, configurable: true });
  else obj[key] = value;
}
