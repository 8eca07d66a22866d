// The pod → container inheritance graph of one workload.

import { useEffect, useMemo } from "react";
import { Background, Controls, MarkerType, ReactFlow, ReactFlowProvider, useReactFlow, type Edge, type Node } from "@xyflow/react";
import type { Workload } from "../../core/types";
import { layoutWorkload, type GraphNodeData } from "./model";
import { ContainerNode, PodNode } from "./nodes";

const nodeTypes = { pod: PodNode, container: ContainerNode };

interface Props {
  workload: Workload;
  stale: boolean;
  allFields: boolean;
  selectedContainer: number | undefined;
  onSelectContainer(index: number): void;
}

function GraphInner({ workload, stale, allFields, selectedContainer, onSelectContainer }: Props) {
  const { fitView } = useReactFlow();
  const laid = useMemo(() => layoutWorkload(workload, { allFields, stale }), [workload, allFields, stale]);

  const nodes: Node<GraphNodeData>[] = useMemo(
    () =>
      laid.nodes.map((n) => ({
        id: n.id,
        type: n.type,
        position: n.position,
        data: n.data,
        width: n.width,
        draggable: false,
        selectable: n.type === "container",
        selected: n.type === "container" && n.data.containerIndex === selectedContainer,
        ariaLabel: n.type === "pod" ? `pod ${workload.name}` : `container ${n.data.container?.name}`,
      })),
    [laid, selectedContainer, workload.name],
  );
  const edges: Edge[] = useMemo(
    () =>
      laid.edges.map((e) => ({
        id: e.id,
        source: e.source,
        target: e.target,
        label: e.label,
        className: e.overrides ? "edge-overrides" : "edge-inherits",
        style: e.overrides ? { strokeDasharray: "6 4" } : undefined,
        markerEnd: { type: MarkerType.ArrowClosed },
        labelBgPadding: [6, 3] as [number, number],
        labelBgBorderRadius: 4,
      })),
    [laid],
  );

  // Fit when the workload's shape changes (not on every keystroke's new values).
  const shapeKey = `${workload.document}/${workload.podSpecPath}/${workload.containers.length}/${allFields}`;
  useEffect(() => {
    const t = setTimeout(() => fitView({ padding: 0.15, maxZoom: 1.1, duration: 0 }), 0);
    return () => clearTimeout(t);
  }, [shapeKey, fitView]);

  return (
    <ReactFlow
      nodes={nodes}
      edges={edges}
      nodeTypes={nodeTypes}
      fitView
      fitViewOptions={{ padding: 0.15, maxZoom: 1.1 }}
      minZoom={0.1}
      nodesDraggable={false}
      nodesConnectable={false}
      elementsSelectable
      proOptions={{ hideAttribution: true }}
      onNodeClick={(_, node) => {
        const idx = (node.data as GraphNodeData).containerIndex;
        if (idx !== undefined) onSelectContainer(idx);
      }}
    >
      <Background gap={24} />
      <Controls showInteractive={false} />
    </ReactFlow>
  );
}

export function Graph(props: Props) {
  return (
    <div className={`graph${props.stale ? " stale" : ""}`} data-testid="graph">
      <ReactFlowProvider>
        <GraphInner {...props} />
      </ReactFlowProvider>
    </div>
  );
}
