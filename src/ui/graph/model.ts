// Analysis → graph nodes and edges, positions included. Pure (no React), so it is easy to test.
//
// Layout: the pod node and the runtime-defaults node on top, then the containers grouped as init,
// sidecar, regular and ephemeral, in start order, in a grid that stays tidy from one container to
// fifty. Edges: one per inherited field group from the pod to each container (all of them for a
// small pod, the selected container's for a large one), and a dotted one from the runtime defaults.

import type { Container, ContainerType, Effective, EffectiveField, Runtime, Workload } from "../../core/types";
import { EFFECTIVE_FIELDS } from "../../core/types";
import { formatValue } from "../../core/format";
import { RUNTIME_DEFAULTS } from "../../core/runtime/defaults";

/** Fields a container node always lists; any other field is listed once something sets it. */
export const CORE_FIELDS: readonly EffectiveField[] = [
  "runAsUser",
  "runAsGroup",
  "runAsNonRoot",
  "privileged",
  "allowPrivilegeEscalation",
  "readOnlyRootFilesystem",
  "capabilities",
  "seccompProfile",
];

/** How inherited fields are bundled onto edges (one edge per bundle). */
export const FIELD_GROUPS: readonly { id: string; title: string; fields: readonly EffectiveField[] }[] = [
  { id: "identity", title: "identity", fields: ["runAsUser", "runAsGroup", "runAsNonRoot"] },
  { id: "groups", title: "groups & volumes", fields: ["fsGroup", "fsGroupChangePolicy", "supplementalGroups", "supplementalGroupsPolicy"] },
  { id: "seccomp", title: "seccomp", fields: ["seccompProfile"] },
  { id: "lsm", title: "AppArmor / SELinux", fields: ["appArmorProfile", "seLinuxOptions", "seLinuxChangePolicy"] },
  { id: "sysctls", title: "sysctls", fields: ["sysctls"] },
  { id: "windows", title: "Windows", fields: ["windowsOptions"] },
];

export interface FieldRow {
  field: EffectiveField;
  value: string;
  source: Effective["source"];
  line?: number;
  overrides?: string;
  overridesLine?: number;
  risk?: string;
  /** Why a value set in the manifest is not applied at this version (Effective.dropped). */
  dropped?: string;
}

export function rowsFor(c: Container, all: boolean): FieldRow[] {
  const rows: FieldRow[] = [];
  for (const field of EFFECTIVE_FIELDS) {
    const e = c.effective[field];
    const set = e.source === "container" || e.source === "pod";
    if (!all && !set && !e.dropped && !CORE_FIELDS.includes(field)) continue;
    const row: FieldRow = { field, value: formatValue(e.value), source: e.source, line: e.line, risk: c.risks?.[field] };
    if (e.overrides) {
      row.overrides = formatValue(e.overrides.value);
      row.overridesLine = e.overrides.line;
    }
    if (e.dropped) row.dropped = `line ${e.dropped.line} ${e.dropped.reason}`;
    rows.push(row);
  }
  return rows;
}

export interface GraphNodeData extends Record<string, unknown> {
  kind: "pod" | "container" | "runtime" | "group" | "volumes";
  workload: Workload;
  container?: Container;
  containerIndex?: number;
  rows: FieldRow[];
  stale: boolean;
  title?: string;
  runtime?: Runtime;
  /** Group nodes: how many containers they hold. */
  count?: number;
  width: number;
  height: number;
  /** Source handles on the pod node, one per field group that flows somewhere. */
  handles?: string[];
}

export interface LaidOutNode {
  id: string;
  type: GraphNodeData["kind"];
  position: { x: number; y: number };
  data: GraphNodeData;
  width: number;
  height: number;
}

export interface LaidOutEdge {
  id: string;
  source: string;
  target: string;
  sourceHandle?: string;
  targetHandle?: string;
  label: string;
  kind: "inherits" | "overrides" | "defaults";
  /** Where the label's centre sits, as a share (0..1) of the edge's height, so labels stack apart. */
  labelAt: number;
}

// Sizes in graph units. Text is set large (see styles.css, "graph text") and nodes are sized to
// their content: rows wrap instead of cutting a value off, so heights are estimated from the text
// (generously: an estimate that is too tall only leaves air; React Flow measures the real node).
/** Wide enough that the longest capability names (NET_BIND_SERVICE, CHECKPOINT_RESTORE) sit whole
 *  beside the longest field name (allowPrivilegeEscalation) and two marks: never broken mid-name. */
export const NODE_WIDTH = 440;
/** Graph text size (px, graph units) the estimates below assume; styles.css sets the same. */
export const GRAPH_FONT_PX = 15;
const LINE_HEIGHT = 21;
const ROW_PAD = 6;
const HEADER_HEIGHT = 54;
const GAP_X = 48;
const GAP_Y = 40;
const MIN_EDGE_SPACE = 150;
const GROUP_HEADER = 40;
const MAX_COLUMNS = 4;
/** Above this many containers only the selected container's edges are drawn. */
export const ALL_EDGES_UP_TO = 6;
/** Above this many containers only the selected container's edges carry labels (they would overlap). */
export const ALL_LABELS_UP_TO = 2;

/** Widths (px) of one character, a little wide on purpose: monospace values, sans names, labels. */
export const MONO_CHAR = 9.4;
export const SANS_CHAR = 8.6;
export const LABEL_CHAR = 8.2;
export const EDGE_LABEL_MAX_WIDTH = 320;

/**
 * A text wrapped into lines for a box `width` px wide: greedy, at spaces and after commas, long words
 * broken anywhere (the CSS says `overflow-wrap: anywhere`, so nothing is ever cut).
 */
export function wrapText(text: string, width: number, charWidth: number): string[] {
  const perLine = Math.max(1, Math.floor(width / charWidth));
  const lines: string[] = [];
  // Counted in code points, so an emoji is never split into two halves.
  let cur: string[] = [];
  const trimmed = (cs: string[]) => cs.join("").trimEnd();
  for (const w of text.split(/(?<=[ ,])/)) {
    let word = Array.from(w);
    if (cur.length && cur.length + Array.from(w.trimEnd()).length > perLine) {
      lines.push(trimmed(cur));
      cur = [];
    }
    while (word.length > perLine) {
      const room = perLine - cur.length;
      lines.push(cur.join("") + word.slice(0, room).join(""));
      cur = [];
      word = word.slice(room);
    }
    cur = cur.concat(word);
  }
  lines.push(trimmed(cur));
  return lines;
}

/** How many lines `wrapText` gives. */
export function wrappedLines(text: string, width: number, charWidth: number): number {
  const key = `${width}|${charWidth}|${text}`;
  let n = wrapCounts.get(key);
  if (n === undefined) {
    n = wrapText(text, width, charWidth).length;
    // Bounded: a keystroke re-lays the graph out, and nearly every value is one seen before.
    if (wrapCounts.size >= 20_000) wrapCounts.clear();
    wrapCounts.set(key, n);
  }
  return n;
}
const wrapCounts = new Map<string, number>();

/** The curve parameter where the edges' vertical cubic reaches a share `f` of its height (monotonic: bisect). */
export function tAtHeightShare(f: number): number {
  const y = (t: number) => 1.5 * t * (1 - t) + t * t * t; // control points at half height
  let lo = 0;
  let hi = 1;
  for (let i = 0; i < 30; i++) {
    const mid = (lo + hi) / 2;
    if (y(mid) < f) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

/** Width left for values in a node whose longest field name has `nameChars` characters. */
export function valueWidth(nameChars: number): number {
  // node padding 2×8, row padding 2×6, column gaps 2×8, marks (risk + badge) ≈ 46
  return NODE_WIDTH - 16 - 12 - 16 - 46 - nameChars * SANS_CHAR;
}

/** Estimated height of the rows of a node (each row: its value wrapped, plus an overrides line). */
export function rowsHeight(rows: readonly FieldRow[]): number {
  if (!rows.length) return LINE_HEIGHT * 2;
  const nameChars = Math.max(...rows.map((r) => r.field.length));
  const w = valueWidth(nameChars);
  let h = 0;
  for (const r of rows) {
    let lines = wrappedLines(r.value, w, MONO_CHAR);
    if (r.overrides !== undefined) lines += wrappedLines(overridesText(r), w, SANS_CHAR);
    h += lines * LINE_HEIGHT + ROW_PAD;
  }
  return h;
}

/** The second line of an overridden value: what the pod said, and where. */
export function overridesText(r: Pick<FieldRow, "overrides" | "overridesLine">): string {
  return `overrides pod ${r.overrides}${r.overridesLine ? `, line ${r.overridesLine}` : ""}`;
}

/** Estimated height of a node header holding a title that may wrap. */
function headerHeight(title: string, reserved: number): number {
  return HEADER_HEIGHT + (wrappedLines(title, NODE_WIDTH - 20 - reserved, SANS_CHAR + 1) - 1) * (LINE_HEIGHT + 2);
}

/** Estimated height of an edge label (it wraps at EDGE_LABEL_MAX_WIDTH). */
export function labelHeight(label: string): number {
  return wrappedLines(label, EDGE_LABEL_MAX_WIDTH - 14, LABEL_CHAR) * 19 + 8;
}

/** The runtime node's rows: the default capabilities in full, and what else the runtime decides. */
export function runtimeRows(runtime: Runtime): { field: string; value: string; title: string }[] {
  const d = RUNTIME_DEFAULTS[runtime];
  const caps = d.capabilities.value.map((c) => c.replace(/^CAP_/, ""));
  return [
    { field: "capabilities", value: `${caps.length}: ${caps.join(", ")}`, title: d.capabilities.source },
    { field: "seccomp", value: "none unless set (or the kubelet's default)", title: "" },
    { field: "AppArmor", value: "the runtime's profile, if the node has AppArmor", title: "" },
    { field: "/proc", value: "masked and read-only paths", title: "" },
  ];
}

function runtimeHeight(runtime: Runtime): number {
  const rows = runtimeRows(runtime);
  const w = valueWidth(12);
  return HEADER_HEIGHT + 12 + rows.reduce((h, r) => h + wrappedLines(r.value, w, r.field === "capabilities" ? MONO_CHAR : SANS_CHAR) * LINE_HEIGHT + ROW_PAD, 0);
}

const TYPE_ORDER: readonly ContainerType[] = ["init", "sidecar", "regular", "ephemeral"];
const TYPE_TITLE: Record<ContainerType, string> = {
  init: "init — run first, in order",
  sidecar: "sidecars — run beside",
  regular: "containers",
  ephemeral: "ephemeral — for debugging",
};

export function podRows(w: Workload): FieldRow[] {
  return w.pod.fields.map((f) => ({ field: f.name as EffectiveField, value: formatValue(f.value), source: "pod", line: f.line }));
}

/** What a group edge carries to a container: inherited values, or a pod value the container replaced. */
export function groupFlow(c: Container, fields: readonly EffectiveField[]): { label: string; overrides: boolean } | undefined {
  const inherited: string[] = [];
  const replaced: string[] = [];
  for (const f of fields) {
    const e = c.effective[f];
    if (e.source === "pod") inherited.push(`${f} ${formatValue(e.value)}`);
    if (e.overrides) replaced.push(`${f} ${formatValue(e.overrides.value)} → ${formatValue(e.value)}`);
  }
  if (replaced.length) return { label: `overridden: ${replaced.join(", ")}`, overrides: true };
  if (inherited.length) return { label: inherited.join(", "), overrides: false };
  return undefined;
}

/** Width of containers laid side by side, each group in its own box (16px padding each side). */
const gridWidthFlat = (containers: number, groups: number) => containers * NODE_WIDTH + (containers - 1) * GAP_X + groups * 32 + (groups - 1) * GAP_X;

/** Estimated height of a node listing these rows under a title. */
const nodeHeight = (rows: readonly FieldRow[], title: string, reserved = 70) => headerHeight(title, reserved) + rowsHeight(rows) + 14;

const containerTitleReserve = (c: Container) => 90 + (c.startup && !c.startup.ok ? 12 + 8 * (c.startup.reason?.length ?? 0) : 0) + 190;

/**
 * Layout, in two columns: on the left the runtime's defaults (and the pod's volumes, when fsGroup
 * acts on them); on the right the pod on top and its containers below, grouped as init, sidecar,
 * regular and ephemeral in start order. Two node widths wide for one container, so a first fit
 * can show it at a readable size.
 */
export function layoutWorkload(
  w: Workload,
  opts: { allFields: boolean; stale: boolean; runtime: Runtime; selected?: number },
): { nodes: LaidOutNode[]; edges: LaidOutEdge[] } {
  const nodes: LaidOutNode[] = [];
  const edges: LaidOutEdge[] = [];

  // Containers first: their grid decides how wide the picture is.
  const groups = TYPE_ORDER.map((t) => ({ type: t, items: w.containers.map((c, i) => ({ c, i })).filter((x) => x.c.type === t) })).filter((g) => g.items.length);
  const columns = Math.max(1, Math.min(MAX_COLUMNS, ...groups.map((g) => g.items.length)));
  const flat = w.containers.length <= MAX_COLUMNS;
  const gridWidth = flat ? gridWidthFlat(w.containers.length, groups.length) : columns * NODE_WIDTH + (columns - 1) * GAP_X + 32;

  const pRows = podRows(w);
  const podHeight = pRows.length ? nodeHeight(pRows, `${w.kind} ${w.name}`) + 24 : HEADER_HEIGHT + 24 + wrappedLines("not set: each container gets its own values or the defaults", NODE_WIDTH - 20, SANS_CHAR) * LINE_HEIGHT + 16;
  const rtHeight = runtimeHeight(opts.runtime);
  // fsGroup acts on the pod's volumes: they get a node of their own beside the pod.
  const fsGroup = w.pod.fields.find((f) => f.name === "fsGroup");
  const showVolumes = fsGroup !== undefined && (w.volumes?.length ?? 0) > 0;
  const volumesHeight = showVolumes
    ? HEADER_HEIGHT + 12 + w.volumes!.reduce((h, v) => h + wrappedLines(`${v.name} ${v.type}`, NODE_WIDTH - 60, SANS_CHAR) * LINE_HEIGHT + ROW_PAD, 0) + 3 * LINE_HEIGHT + 10
    : 0;

  const sideX = 0;
  const mainX = NODE_WIDTH + GAP_X;
  // The pod sits centred over one or two containers; over more, above the first one, so that the
  // pod and the first containers can be framed together at a readable size (Graph's first fit).
  const podX = w.containers.length <= 2 ? mainX + Math.max(0, (gridWidth - NODE_WIDTH) / 2) : mainX + 16;

  const showAll = w.containers.length <= ALL_EDGES_UP_TO;
  const labelled = (i: number) => w.containers.length <= ALL_LABELS_UP_TO || opts.selected === i;
  const flowing = new Set<string>();

  // Edge labels stack in the lower part of the space between the pod and the containers, near
  // their container (where edges to different containers are far apart): the space grows with them.
  const flows = w.containers.map((c, i) =>
    FIELD_GROUPS.map((fg) => ({ fg, flow: showAll || opts.selected === i ? groupFlow(c, fg.fields) : undefined })).filter((x) => x.flow !== undefined),
  );
  let stackMax = 0;
  w.containers.forEach((_, i) => {
    if (!labelled(i)) return;
    const h = flows[i].reduce((s, x) => s + labelHeight(x.flow!.label) + 8, 0);
    stackMax = Math.max(stackMax, h);
  });
  const LABEL_ZONE = 0.55; // share of the space (from the bottom) labels may use
  const BOTTOM_MARGIN = 18;
  const edgeSpace = Math.max(MIN_EDGE_SPACE, Math.ceil((stackMax + BOTTOM_MARGIN) / LABEL_ZONE));

  const top = Math.max(podHeight, volumesHeight) + edgeSpace;
  const containerEdges: LaidOutEdge[] = [];
  const place = (c: Container, i: number, x: number, y: number): number => {
    const rows = rowsFor(c, opts.allFields);
    const h = nodeHeight(rows, c.name, containerTitleReserve(c));
    const id = `c${i}`;
    nodes.push({
      id,
      type: "container",
      position: { x, y },
      data: { kind: "container", workload: w, container: c, containerIndex: i, rows, stale: opts.stale, width: NODE_WIDTH, height: h },
      width: NODE_WIDTH,
      height: h,
    });
    if (showAll || opts.selected === i) {
      // Labels from the bottom up: the first group's label sits highest.
      const heights = flows[i].map((x) => labelHeight(x.flow!.label));
      let below = BOTTOM_MARGIN + GROUP_HEADER + heights.reduce((s, hh) => s + hh + 8, 0) - 8;
      flows[i].forEach(({ fg, flow }, k) => {
        flowing.add(fg.id);
        const centre = below - heights[k] / 2;
        below -= heights[k] + 8;
        // The edge's vertical extent is (top + group header) − podHeight; labelAt is a share of it.
        const extent = y - podHeight;
        containerEdges.push({
          id: `e-${fg.id}-${id}`,
          source: "pod",
          sourceHandle: fg.id,
          target: id,
          label: labelled(i) ? flow!.label : "",
          kind: flow!.overrides ? "overrides" : "inherits",
          labelAt: Math.min(0.95, Math.max(0.05, 1 - centre / Math.max(1, extent))),
        });
      });
      edges.push({ id: `e-rt-${id}`, source: "runtime", target: id, targetHandle: "defaults", label: "", kind: "defaults", labelAt: 0.5 });
    }
    return h;
  };
  const groupBox = (type: ContainerType, count: number, x: number, y: number, gw: number, gh: number) =>
    nodes.push({
      id: `g-${type}`,
      type: "group",
      position: { x, y },
      data: { kind: "group", workload: w, rows: [], stale: opts.stale, title: TYPE_TITLE[type], count, width: gw, height: gh },
      width: gw,
      height: gh,
    });

  if (flat) {
    // Few containers: the groups side by side, left to right in start order.
    let x = mainX;
    for (const g of groups) {
      const gw = 32 + g.items.length * NODE_WIDTH + (g.items.length - 1) * GAP_X;
      let maxH = 0;
      g.items.forEach(({ c, i }, k) => {
        maxH = Math.max(maxH, place(c, i, x + 16 + k * (NODE_WIDTH + GAP_X), top + GROUP_HEADER));
      });
      groupBox(g.type, g.items.length, x, top, gw, GROUP_HEADER + maxH + 16);
      x += gw + GAP_X;
    }
  } else {
    // Many: each group a block of rows, one block under the other.
    let y = top;
    for (const g of groups) {
      const rowsOfGroup = Math.ceil(g.items.length / columns);
      const groupTop = y;
      y += GROUP_HEADER;
      for (let r = 0; r < rowsOfGroup; r++) {
        const slice = g.items.slice(r * columns, (r + 1) * columns);
        const rowW = slice.length * NODE_WIDTH + (slice.length - 1) * GAP_X;
        let x = mainX + (gridWidth - rowW) / 2;
        let rowH = 0;
        for (const { c, i } of slice) {
          rowH = Math.max(rowH, place(c, i, x, y));
          x += NODE_WIDTH + GAP_X;
        }
        y += rowH + GAP_Y;
      }
      groupBox(g.type, g.items.length, mainX, groupTop, gridWidth, y - groupTop - GAP_Y / 2);
      y += GAP_Y / 2;
    }
  }

  const handles = FIELD_GROUPS.map((g) => g.id).filter((id) => flowing.has(id));
  nodes.unshift(
    {
      id: "pod",
      type: "pod",
      position: { x: podX, y: 0 },
      data: { kind: "pod", workload: w, rows: pRows, stale: opts.stale, width: NODE_WIDTH, height: podHeight, handles },
      width: NODE_WIDTH,
      height: podHeight,
    },
    {
      id: "runtime",
      type: "runtime",
      position: { x: sideX, y: top + GROUP_HEADER },
      data: { kind: "runtime", workload: w, rows: [], stale: opts.stale, runtime: opts.runtime, width: NODE_WIDTH, height: rtHeight },
      width: NODE_WIDTH,
      height: rtHeight,
    },
  );
  if (showVolumes) {
    nodes.push({
      id: "volumes",
      type: "volumes",
      position: { x: sideX, y: 0 },
      data: { kind: "volumes", workload: w, rows: [], stale: opts.stale, width: NODE_WIDTH, height: volumesHeight },
      width: NODE_WIDTH,
      height: volumesHeight,
    });
    // The volumes node's title says what the edge means ("fsGroup 2000 becomes their group"): no label.
    edges.push({ id: "e-volumes", source: "pod", sourceHandle: "volumes", target: "volumes", label: "", kind: "inherits", labelAt: 0.5 });
  }
  // Group backgrounds go first so they are drawn under the containers.
  nodes.sort((a, b) => (a.type === "group" ? 0 : 1) - (b.type === "group" ? 0 : 1));
  return { nodes, edges: [...containerEdges, ...edges] };
}
