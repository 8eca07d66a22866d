// An edge whose label sits at a chosen height along it, so the labels of one container's edges
// stack without covering each other. Side edges (runtime → container, pod → volumes) run
// horizontally and carry no label.
import { BaseEdge, EdgeLabelRenderer, Position, getBezierPath, type EdgeProps, type Edge } from "@xyflow/react";
import { tAtHeightShare } from "./model";

export type FlowEdge = Edge<{ label: string; labelAt: number; kind: "inherits" | "overrides" | "defaults" }, "flow">;

function point(t: number, p0: number, p1: number, p2: number, p3: number): number {
  const u = 1 - t;
  return u * u * u * p0 + 3 * u * u * t * p1 + 3 * u * t * t * p2 + t * t * t * p3;
}

export function FlowEdgeView({ id, sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition, data, markerEnd }: EdgeProps<FlowEdge>) {
  const kind = data?.kind ?? "inherits";
  const horizontal = sourcePosition === Position.Left || sourcePosition === Position.Right;
  if (horizontal) {
    const [path] = getBezierPath({ sourceX, sourceY, sourcePosition, targetX, targetY, targetPosition });
    return <BaseEdge id={id} path={path} markerEnd={markerEnd} className={`flow-edge edge-${kind}`} />;
  }
  const mid = (targetY - sourceY) / 2;
  const c1 = [sourceX, sourceY + mid];
  const c2 = [targetX, targetY - mid];
  const path = `M ${sourceX},${sourceY} C ${c1[0]},${c1[1]} ${c2[0]},${c2[1]} ${targetX},${targetY}`;
  const t = tAtHeightShare(data?.labelAt ?? 0.5);
  const lx = point(t, sourceX, c1[0], c2[0], targetX);
  const ly = point(t, sourceY, c1[1], c2[1], targetY);
  return (
    <>
      <BaseEdge id={id} path={path} markerEnd={markerEnd} className={`flow-edge edge-${kind}`} />
      {data?.label ? (
        <EdgeLabelRenderer>
          <div className={`edge-label edge-label-${kind}`} style={{ transform: `translate(-50%, -50%) translate(${lx}px, ${ly}px)` }}>
            {data.label}
          </div>
        </EdgeLabelRenderer>
      ) : null}
    </>
  );
}
