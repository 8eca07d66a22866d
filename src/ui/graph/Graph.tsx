// The pod → container inheritance graph of one workload.

import { memo, useEffect, useMemo, useRef } from "react";
import { Background, Controls, MarkerType, MiniMap, ReactFlow, ReactFlowProvider, useReactFlow, type Node } from "@xyflow/react";
import type { EffectiveField, Runtime, Workload } from "../../core/types";
import { ALL_EDGES_UP_TO, layoutWorkload, type GraphNodeData } from "./model";
import { ContainerNode, GroupNode, PodNode, RuntimeNode, VolumesNode } from "./nodes";
import { FlowEdgeView, type FlowEdge } from "./edges";
import { GraphContext, type GraphLinks } from "./context";

const nodeTypes = { pod: PodNode, container: ContainerNode, runtime: RuntimeNode, group: GroupNode, volumes: VolumesNode };
const edgeTypes = { flow: FlowEdgeView };

interface Props {
  workload: Workload;
  stale: boolean;
  allFields: boolean;
  runtime: Runtime;
  selectedContainer: number | undefined;
  cursor?: GraphLinks["cursor"];
  onSelectContainer(index: number): void;
  onRow(container: number | undefined, field: EffectiveField): void;
  dark?: boolean;
}

function GraphInner({ workload, stale, allFields, runtime, selectedContainer, onSelectContainer, dark }: Props) {
  const { fitView } = useReactFlow();
  const laid = useMemo(
    () => layoutWorkload(workload, { allFields, stale, runtime, selected: selectedContainer }),
    [workload, allFields, stale, runtime, selectedContainer],
  );

  // Keep a node object while what it shows is unchanged, so React Flow re-renders only the nodes a
  // keystroke changed.
  const cache = useRef(new Map<string, { sig: string; node: Node<GraphNodeData> }>());
  const nodes: Node<GraphNodeData>[] = useMemo(() => {
    const next = new Map<string, { sig: string; node: Node<GraphNodeData> }>();
    const out = laid.nodes.map((n) => {
      const c = n.data.container;
      const sig = JSON.stringify([n.type, n.position, n.width, n.height, n.data.rows, n.data.stale, n.data.title, n.data.count, n.data.handles, n.data.runtime, c?.name, c?.type, c?.startup, n.data.workload.pss, n.type === "volumes" ? n.data.workload.volumes : 0, n.data.containerIndex === selectedContainer, n.data.workload.kind, n.data.workload.name, n.data.workload.pod.path]);
      const old = cache.current.get(n.id);
      const node = old && old.sig === sig ? old.node : build(n);
      next.set(n.id, { sig, node });
      return node;
    });
    cache.current = next;
    return out;
    function build(n: (typeof laid.nodes)[number]): Node<GraphNodeData> {
      return {
        id: n.id,
        type: n.type,
        position: n.position,
        data: n.data,
        width: n.width,
        height: n.type === "group" ? n.height : undefined,
        draggable: false,
        selectable: n.type === "container",
        focusable: n.type === "container",
        zIndex: n.type === "group" ? -1 : 0,
        selected: n.type === "container" && n.data.containerIndex === selectedContainer,
        ariaLabel: n.type === "container" ? `${n.data.container?.type} container ${n.data.container?.name}` : undefined,
      };
    }
  }, [laid, selectedContainer]);
  // Edges too keep their objects while unchanged (a keystroke rarely changes what flows).
  const edgeCache = useRef(new Map<string, FlowEdge>());
  const edges: FlowEdge[] = useMemo(() => {
    const next = new Map<string, FlowEdge>();
    const out = laid.edges.map((e) => {
      const key = `${e.id}|${e.sourceHandle}|${e.targetHandle}|${e.kind}|${e.labelAt}|${e.label}`;
      const edge: FlowEdge = edgeCache.current.get(key) ?? {
        id: e.id,
        type: "flow",
        source: e.source,
        target: e.target,
        sourceHandle: e.sourceHandle,
        targetHandle: e.targetHandle,
        data: { label: e.label, labelAt: e.labelAt, kind: e.kind },
        markerEnd: { type: MarkerType.ArrowClosed, width: 16, height: 16 },
        focusable: false,
      };
      next.set(key, edge);
      return edge;
    });
    edgeCache.current = next;
    return out;
  }, [laid]);

  // Fit when the workload's shape changes (not on every keystroke's new values).
  const shapeKey = `${workload.document}/${workload.podSpecPath}/${workload.containers.length}/${allFields}`;
  useEffect(() => {
    const t = setTimeout(() => fitView({ padding: 0.08, maxZoom: 1, duration: 0 }), 0);
    return () => clearTimeout(t);
  }, [shapeKey, fitView]);

  const many = workload.containers.length > ALL_EDGES_UP_TO;
  return (
    <ReactFlow
      nodes={nodes}
      edges={edges}
      nodeTypes={nodeTypes}
      edgeTypes={edgeTypes}
      fitView
      fitViewOptions={{ padding: 0.08, maxZoom: 1 }}
      minZoom={0.05}
      nodesDraggable={false}
      nodesConnectable={false}
      elementsSelectable
      onlyRenderVisibleElements={many}
      colorMode={dark ? "dark" : "light"}
      proOptions={{ hideAttribution: true }}
      onNodeClick={(_, node) => {
        const idx = (node.data as GraphNodeData).containerIndex;
        if (idx !== undefined) onSelectContainer(idx);
      }}
      aria-label={`Inheritance graph of ${workload.kind} ${workload.name}`}
    >
      <Background gap={24} />
      <Controls showInteractive={false} />
      {many && <MiniMap pannable zoomable ariaLabel="Minimap" />}
      {many && (
        <div className="graph-note" role="note">
          {workload.containers.length} containers: edges are drawn for the selected container only.
        </div>
      )}
    </ReactFlow>
  );
}

export const Graph = memo(function Graph(props: Props) {
  const links = useMemo<GraphLinks>(() => ({ onRow: props.onRow, cursor: props.cursor }), [props.onRow, props.cursor]);
  return (
    <div className={`graph${props.stale ? " stale" : ""}`} data-testid="graph">
      <GraphContext.Provider value={links}>
        <ReactFlowProvider>
          <GraphInner {...props} />
        </ReactFlowProvider>
      </GraphContext.Provider>
    </div>
  );
});
