// An edge whose label sits at a chosen point along it, so the labels of parallel edges stay apart.
import { BaseEdge, EdgeLabelRenderer, type EdgeProps, type Edge } from "@xyflow/react";

export type FlowEdge = Edge<{ label: string; labelAt: number; kind: "inherits" | "overrides" | "defaults" }, "flow">;

function point(t: number, p0: number, p1: number, p2: number, p3: number): number {
  const u = 1 - t;
  return u * u * u * p0 + 3 * u * u * t * p1 + 3 * u * t * t * p2 + t * t * t * p3;
}

export function FlowEdgeView({ id, sourceX, sourceY, targetX, targetY, data, markerEnd }: EdgeProps<FlowEdge>) {
  const mid = (targetY - sourceY) / 2;
  const c1 = [sourceX, sourceY + mid];
  const c2 = [targetX, targetY - mid];
  const path = `M ${sourceX},${sourceY} C ${c1[0]},${c1[1]} ${c2[0]},${c2[1]} ${targetX},${targetY}`;
  const t = data?.labelAt ?? 0.5;
  const lx = point(t, sourceX, c1[0], c2[0], targetX);
  const ly = point(t, sourceY, c1[1], c2[1], targetY);
  const kind = data?.kind ?? "inherits";
  return (
    <>
      <BaseEdge id={id} path={path} markerEnd={markerEnd} className={`flow-edge edge-${kind}`} />
      {data?.label ? (
        <EdgeLabelRenderer>
          <div className={`edge-label edge-label-${kind}`} style={{ transform: `translate(-50%, -50%) translate(${lx}px, ${ly}px)` }} title={data.label}>
            {kind === "overrides" && <span aria-hidden="true">⤫ </span>}
            {data.label}
          </div>
        </EdgeLabelRenderer>
      ) : null}
    </>
  );
}
