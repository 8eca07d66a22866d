// Analysis → graph nodes and edges, positions included. Pure (no React), so it is easy to test.
//
// Layout: the pod node and the runtime-defaults node on top, then the containers grouped as init,
// sidecar, regular and ephemeral, in start order, in a grid that stays tidy from one container to
// fifty. Edges: one per inherited field group from the pod to each container (all of them for a
// small pod, the selected container's for a large one), and a dotted one from the runtime defaults.

import type { Container, ContainerType, Effective, EffectiveField, Runtime, Workload } from "../../core/types";
import { EFFECTIVE_FIELDS } from "../../core/types";
import { formatValue } from "../../core/format";

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
  /** Where along the edge the label sits (0..1), so parallel labels do not cover each other. */
  labelAt: number;
}

export const NODE_WIDTH = 330;
const ROW_HEIGHT = 22;
const HEADER_HEIGHT = 48;
const GAP_X = 40;
const GAP_Y = 36;
const EDGE_SPACE = 150;
const GROUP_HEADER = 34;
const MAX_COLUMNS = 4;
/** Above this many containers only the selected container's edges are drawn. */
export const ALL_EDGES_UP_TO = 6;

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
const gridWidthFlat = (containers: number, groups: number) => containers * NODE_WIDTH + (containers - 1) * GAP_X + groups * 32;

const nodeHeight = (rows: number) => HEADER_HEIGHT + Math.max(1, rows) * ROW_HEIGHT + 14;

export function layoutWorkload(
  w: Workload,
  opts: { allFields: boolean; stale: boolean; runtime: Runtime; selected?: number },
): { nodes: LaidOutNode[]; edges: LaidOutEdge[] } {
  const nodes: LaidOutNode[] = [];
  const edges: LaidOutEdge[] = [];

  // Containers first: their grid decides how wide the picture is.
  const groups = TYPE_ORDER.map((t) => ({ type: t, items: w.containers.map((c, i) => ({ c, i })).filter((x) => x.c.type === t) })).filter((g) => g.items.length);
  const columns = Math.max(1, Math.min(MAX_COLUMNS, ...groups.map((g) => g.items.length)));
  const gridWidth = w.containers.length <= MAX_COLUMNS ? gridWidthFlat(w.containers.length, groups.length) : columns * NODE_WIDTH + (columns - 1) * GAP_X;

  const pRows = podRows(w);
  const podHeight = nodeHeight(pRows.length);
  const runtimeHeight = nodeHeight(4);
  // fsGroup acts on the pod's volumes: they get a node of their own beside the pod.
  const fsGroup = w.pod.fields.find((f) => f.name === "fsGroup");
  const showVolumes = fsGroup !== undefined && (w.volumes?.length ?? 0) > 0;
  const volumesHeight = nodeHeight(showVolumes ? w.volumes!.length : 0) + 18;
  const topWidth = NODE_WIDTH * (showVolumes ? 3 : 2) + GAP_X * (showVolumes ? 4 : 2);
  const width = Math.max(gridWidth, topWidth);
  const podX = (width - topWidth) / 2 + (showVolumes ? NODE_WIDTH + GAP_X * 2 : 0);

  const showAll = w.containers.length <= ALL_EDGES_UP_TO;
  const flowing = new Set<string>();
  const containerEdges: LaidOutEdge[] = [];

  const top = Math.max(podHeight, runtimeHeight, showVolumes ? volumesHeight : 0) + EDGE_SPACE;
  const place = (c: Container, i: number, x: number, y: number): number => {
    const rows = rowsFor(c, opts.allFields);
    const h = nodeHeight(rows.length);
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
      let k = 0;
      for (const fg of FIELD_GROUPS) {
        const flow = groupFlow(c, fg.fields);
        if (!flow) continue;
        flowing.add(fg.id);
        containerEdges.push({
          id: `e-${fg.id}-${id}`,
          source: "pod",
          sourceHandle: fg.id,
          target: id,
          label: flow.label,
          kind: flow.overrides ? "overrides" : "inherits",
          labelAt: 0.55 + 0.15 * (k++ % 3),
        });
      }
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

  if (w.containers.length <= MAX_COLUMNS) {
    // Few containers: the groups side by side, left to right in start order.
    let x = (width - gridWidthFlat(w.containers.length, groups.length)) / 2;
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
        let x = (width - rowW) / 2;
        let rowH = 0;
        for (const { c, i } of slice) {
          rowH = Math.max(rowH, place(c, i, x, y));
          x += NODE_WIDTH + GAP_X;
        }
        y += rowH + GAP_Y;
      }
      groupBox(g.type, g.items.length, -16, groupTop, width + 32, y - groupTop - GAP_Y / 2);
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
      position: { x: podX + NODE_WIDTH + GAP_X * 2, y: 0 },
      data: { kind: "runtime", workload: w, rows: [], stale: opts.stale, runtime: opts.runtime, width: NODE_WIDTH, height: runtimeHeight },
      width: NODE_WIDTH,
      height: runtimeHeight,
    },
  );
  if (showVolumes) {
    nodes.push({
      id: "volumes",
      type: "volumes",
      position: { x: podX - NODE_WIDTH - GAP_X * 2, y: 0 },
      data: { kind: "volumes", workload: w, rows: [], stale: opts.stale, width: NODE_WIDTH, height: volumesHeight },
      width: NODE_WIDTH,
      height: volumesHeight,
    });
    edges.push({ id: "e-volumes", source: "pod", sourceHandle: "volumes", target: "volumes", label: `fsGroup ${fsGroup!.value}: group owner`, kind: "inherits", labelAt: 0.5 });
  }
  // Group backgrounds go first so they are drawn under the containers.
  nodes.sort((a, b) => (a.type === "group" ? 0 : 1) - (b.type === "group" ? 0 : 1));
  return { nodes, edges: [...containerEdges, ...edges] };
}
