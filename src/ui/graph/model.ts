// Analysis → graph nodes and edges (positions included). Pure: no React, so it is easy to test.

import dagre from "@dagrejs/dagre";
import type { Container, Effective, EffectiveField, Workload } from "../../core/types";
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

export interface FieldRow {
  field: EffectiveField;
  value: string;
  source: Effective["source"];
  line?: number;
  overrides?: string;
  overridesLine?: number;
}

export function rowsFor(c: Container, all: boolean): FieldRow[] {
  const rows: FieldRow[] = [];
  for (const field of EFFECTIVE_FIELDS) {
    const e = c.effective[field];
    const set = e.source === "container" || e.source === "pod";
    if (!all && !set && !CORE_FIELDS.includes(field)) continue;
    const row: FieldRow = { field, value: formatValue(e.value), source: e.source, line: e.line };
    if (e.overrides) {
      row.overrides = formatValue(e.overrides.value);
      row.overridesLine = e.overrides.line;
    }
    rows.push(row);
  }
  return rows;
}

export interface GraphNodeData extends Record<string, unknown> {
  kind: "pod" | "container";
  workload: Workload;
  container?: Container;
  containerIndex?: number;
  rows: FieldRow[];
  stale: boolean;
}

export interface LaidOutNode {
  id: string;
  type: "pod" | "container";
  position: { x: number; y: number };
  data: GraphNodeData;
  width: number;
  height: number;
}

export interface LaidOutEdge {
  id: string;
  source: string;
  target: string;
  label: string;
  overrides: boolean;
}

const NODE_WIDTH = 330;
const ROW_HEIGHT = 22;
const HEADER_HEIGHT = 48;

export function podRows(w: Workload): FieldRow[] {
  return w.pod.fields.map((f) => ({ field: f.name as EffectiveField, value: formatValue(f.value), source: "pod", line: f.line }));
}

/** Edge label: which pod fields flow into the container, and which it replaces. */
export function edgeLabel(c: Container): { label: string; overrides: boolean } {
  const inherited: string[] = [];
  const replaced: string[] = [];
  for (const field of EFFECTIVE_FIELDS) {
    const e = c.effective[field];
    if (e.source === "pod") inherited.push(`${field} ${formatValue(e.value)}`);
    if (e.overrides) replaced.push(field);
  }
  const parts: string[] = [];
  if (inherited.length) parts.push(`inherits ${shorten(inherited)}`);
  if (replaced.length) parts.push(`overridden: ${shorten(replaced)}`);
  return { label: parts.join(" · ") || "no pod settings", overrides: replaced.length > 0 };
}

function shorten(items: string[]): string {
  return items.length <= 2 ? items.join(", ") : `${items.slice(0, 2).join(", ")} +${items.length - 2}`;
}

export function layoutWorkload(w: Workload, opts: { allFields: boolean; stale: boolean }): { nodes: LaidOutNode[]; edges: LaidOutEdge[] } {
  const g = new dagre.graphlib.Graph();
  g.setGraph({ rankdir: "TB", nodesep: 40, ranksep: 110, marginx: 20, marginy: 20 });
  g.setDefaultEdgeLabel(() => ({}));

  const nodes: LaidOutNode[] = [];
  const pRows = podRows(w);
  const podId = "pod";
  nodes.push({
    id: podId,
    type: "pod",
    position: { x: 0, y: 0 },
    data: { kind: "pod", workload: w, rows: pRows, stale: opts.stale },
    width: NODE_WIDTH,
    height: HEADER_HEIGHT + Math.max(1, pRows.length) * ROW_HEIGHT + 12,
  });
  const edges: LaidOutEdge[] = [];
  w.containers.forEach((c, i) => {
    const rows = rowsFor(c, opts.allFields);
    const id = `c${i}`;
    nodes.push({
      id,
      type: "container",
      position: { x: 0, y: 0 },
      data: { kind: "container", workload: w, container: c, containerIndex: i, rows, stale: opts.stale },
      width: NODE_WIDTH,
      height: HEADER_HEIGHT + rows.length * ROW_HEIGHT + 12,
    });
    const { label, overrides } = edgeLabel(c);
    edges.push({ id: `e-${id}`, source: podId, target: id, label, overrides });
  });

  for (const n of nodes) g.setNode(n.id, { width: n.width, height: n.height });
  for (const e of edges) g.setEdge(e.source, e.target);
  dagre.layout(g);
  for (const n of nodes) {
    const p = g.node(n.id);
    n.position = { x: p.x - n.width / 2, y: p.y - n.height / 2 };
  }
  return { nodes, edges };
}
