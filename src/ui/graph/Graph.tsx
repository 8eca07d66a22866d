// The pod → container inheritance graph of one workload.

import { memo, useCallback, useEffect, useMemo, useRef } from "react";
import { Background, ControlButton, Controls, getViewportForBounds, MarkerType, MiniMap, Position, ReactFlow, ReactFlowProvider, useReactFlow, useStore, type Node, type NodeHandle } from "@xyflow/react";
import type { EffectiveField, Runtime, Workload } from "../../core/types";
import { ALL_EDGES_UP_TO, GRAPH_FONT_PX, layoutWorkload, type GraphNodeData } from "./model";
import { bringIntoView, fitViewport, focusCandidates, union, type Rect } from "./fit";
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
  /** "large" (projector): the first fit aims at bigger on-screen text. */
  textSize?: "normal" | "large";
  /**
   * A small graph beside other content (presentation): every fit frames the selected container
   * whole, with its pod when that stays readable, smaller when it must; a new selection re-fits.
   */
  compact?: boolean;
}

/**
 * A container node's handles where nodes.tsx draws them (top centre; "defaults" on the left, 27 px
 * down). Given with the node, they let React Flow leave a container that is out of view undrawn:
 * without them it draws every node once to measure it, and 24 containers of a hostile pod (each
 * inheriting a long list) cost a long task to draw and lay out (issue 16 item 2). Once drawn, the
 * measured handles replace these.
 */
const containerHandles = (width: number): NodeHandle[] => [
  // React Flow's handles are 6 px squares centred on the node's edge.
  { type: "target", position: Position.Top, x: width / 2 - 3, y: -3, width: 6, height: 6 },
  { id: "defaults", type: "target", position: Position.Left, x: -3, y: 24, width: 6, height: 6 },
];

/** On-screen graph text the first fit aims for, in px. */
export const READABLE_PX = { normal: 14, large: 18 } as const;
const MAX_ZOOM = { normal: 1.6, large: 2.2 } as const;
const FIT_PADDING = 20;
/**
 * The zoom buttons sit over the canvas's left edge (styles.css: 6 px margin + 26 px buttons): fits
 * keep this strip free, so no node is under them. It stands in for the fit's left padding.
 */
const CONTROLS_GUTTER = 36;
const GUTTER_SHIFT = CONTROLS_GUTTER - FIT_PADDING;

function GraphInner({ workload, stale, allFields, runtime, selectedContainer, onSelectContainer, dark, textSize = "normal", compact = false }: Props) {
  const { getNodes, getInternalNode, getViewport, setViewport } = useReactFlow();
  const area = useStore((s) => ({ width: s.width, height: s.height }), (a, b) => a.width === b.width && a.height === b.height);
  // Every node measured (the nodes are controlled without onNodesChange, so React Flow's own
  // useNodesInitialized never turns true: the measurements live in its internal lookup).
  // A container that is out of view with many containers is never drawn, so never measured: its
  // layout estimate stands in (it has `handles`, see below).
  const initialized = useStore((s) => {
    if (s.nodeLookup.size === 0) return false;
    for (const n of s.nodeLookup.values()) if ((!n.measured?.width || !n.measured?.height) && !n.handles) return false;
    return true;
  });
  const laid = useMemo(
    () => layoutWorkload(workload, { allFields, stale, runtime, selected: selectedContainer }),
    [workload, allFields, stale, runtime, selectedContainer],
  );

  // Keep a node object while what it shows is unchanged, so React Flow re-renders only the nodes a
  // keystroke changed.
  const cache = useRef(new Map<string, { sig: string; node: Node<GraphNodeData> }>());
  const many = workload.containers.length > ALL_EDGES_UP_TO;
  const nodes: Node<GraphNodeData>[] = useMemo(() => {
    const next = new Map<string, { sig: string; node: Node<GraphNodeData> }>();
    // What every node shows of the workload, written once (not once per node).
    const w = workload;
    const shared = JSON.stringify([w.pss, w.kind, w.name, w.pod.path]);
    const volumes = laid.nodes.some((n) => n.type === "volumes") ? JSON.stringify(w.volumes) : "";
    const out = laid.nodes.map((n) => {
      const c = n.data.container;
      const sig = JSON.stringify([n.type, n.position, n.width, n.height, n.data.rows, n.data.stale, n.data.title, n.data.count, n.data.handles, n.data.runtime, c?.name, c?.type, c?.startup, n.data.containerIndex === selectedContainer, n.type === "volumes" ? volumes : 0]) + shared;
      const old = cache.current.get(n.id);
      const node = old && old.sig === sig && Boolean(old.node.handles) === many ? old.node : build(n);
      next.set(n.id, { sig, node });
      return node;
    });
    cache.current = next;
    return out;
    function build(n: (typeof laid.nodes)[number]): Node<GraphNodeData> {
      // A changed node keeps its last measured size: without it React Flow takes the node as new —
      // drops its handles (its edges vanish and are drawn again), measures it again (a forced
      // layout per node), and draws it even out of view until measured (onlyRenderVisibleElements),
      // so every keystroke remounted the containers it changed. A size that did change is seen by
      // React Flow's own ResizeObserver.
      const measured = getInternalNode(n.id)?.measured;
      return {
        ...(measured?.width && measured.height ? { measured: { width: measured.width, height: measured.height } } : {}),
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
        ...(many && n.type === "container" ? { initialHeight: n.height, handles: containerHandles(n.width) } : {}),
      };
    }
  }, [laid, workload, selectedContainer, getInternalNode, many]);
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

  // The measured rectangle of a node (graph units).
  // A node out of view is not drawn with many containers (onlyRenderVisibleElements), so it may
  // have no measurement yet: the layout's estimate stands in (the pod, framed by the first fit).
  const estimated = useMemo(() => new Map(laid.nodes.map((n) => [n.id, n.height])), [laid]);
  const rectOf = useCallback(
    (id: string): Rect | undefined => {
      const n = getInternalNode(id);
      if (!n) return undefined;
      return { x: n.internals.positionAbsolute.x, y: n.internals.positionAbsolute.y, width: n.measured?.width ?? n.width ?? 0, height: n.measured?.height ?? n.height ?? estimated.get(id) ?? 0 };
    },
    [getInternalNode, estimated],
  );

  // The first fit, when the workload's shape changes (not on every keystroke's new values) or the
  // text size setting does: the whole graph if readable, else the pod with the first containers
  // (see focusCandidates). The compact graph re-fits to each newly selected container.
  const shapeKey = `${workload.document}/${workload.podSpecPath}/${workload.containers.length}/${allFields}/${textSize}${compact ? `/${selectedContainer}` : ""}`;
  const fitted = useRef("");
  const selectedRef = useRef(selectedContainer);
  selectedRef.current = selectedContainer;
  const fit = useCallback((): boolean => {
    if (!area.width || !area.height) return false;
    const rects = getNodes()
      .filter((n) => n.type !== "group")
      .map((n) => rectOf(n.id)!)
      .filter((r) => r.width > 0);
    const all = union(rects);
    if (!all) return false;
    const selected = selectedRef.current ?? 0;
    const pod = rectOf("pod");
    const sel = rectOf(`c${selected}`);
    // Compact: the pod and the selected container if readable, else that container whole.
    const [whole, focus] = compact && sel ? [pod ? union([pod, sel])! : sel, []] : [all, focusCandidates({ pod, runtime: rectOf("runtime"), containers: workload.containers.map((_, i) => rectOf(`c${i}`)), selected })];
    const gutter = compact ? 0 : GUTTER_SHIFT;
    const v = fitViewport(whole, focus, { width: area.width - gutter, height: area.height }, {
      fallback: sel,
      // A hair above, so the transform's rounding never lands just under the aim.
      readableZoom: (READABLE_PX[textSize] + 0.02) / GRAPH_FONT_PX,
      maxZoom: MAX_ZOOM[textSize],
      padding: compact ? 8 : FIT_PADDING,
      mustFit: compact,
    });
    setViewport({ x: v.x + gutter, y: v.y, zoom: v.zoom });
    return true;
  }, [area, getNodes, rectOf, setViewport, textSize, compact, workload.containers]);
  // "Fit view" with many containers: every node, measured or estimated.
  const fitAll = useCallback(() => {
    const all = union(getNodes().filter((n) => n.type !== "group").map((n) => rectOf(n.id)!).filter((r) => r && r.width > 0));
    if (!all || !area.width || !area.height) return;
    setViewport(getViewportForBounds(all, area.width, area.height, 0.05, MAX_ZOOM[textSize], 0.05));
  }, [getNodes, rectOf, area, setViewport, textSize]);
  useEffect(() => {
    if (!initialized || fitted.current === shapeKey) return;
    if (fit()) fitted.current = shapeKey;
  }, [initialized, shapeKey, fit]);
  // The compact graph's area changes with the window: fit again.
  const fitRef = useRef(fit);
  fitRef.current = fit;
  useEffect(() => {
    if (compact && initialized) fitRef.current();
  }, [compact, initialized, area.width, area.height]);

  // The selected container stays in view: when it changes, or when the area shrinks (the panel
  // opened beside the graph), the graph pans to it, or zooms out when it no longer fits across.
  // Not on the first pass: the first fit has just framed what matters (the pod over the first
  // containers, their tops at least), and a pan to the whole container would lose the pod.
  const seen = useRef<string | undefined>(undefined);
  useEffect(() => {
    if (compact || !initialized || selectedContainer === undefined || !area.width) return;
    const key = `${selectedContainer}/${area.width}/${area.height}`;
    const first = seen.current === undefined;
    if (seen.current === key) return;
    seen.current = key;
    if (first) return;
    const r = rectOf(`c${selectedContainer}`);
    if (!r) return;
    const pod = rectOf("pod");
    const v = getViewport();
    const shift = CONTROLS_GUTTER - 12;
    const next = bringIntoView(r, { ...v, x: v.x - shift }, { width: area.width - shift, height: area.height }, 12, pod ? union([pod, r]) : undefined);
    if (next) setViewport({ ...next, x: next.x + shift }, { duration: 0 });
  }, [compact, initialized, selectedContainer, area, rectOf, getViewport, setViewport]);

  return (
    <>
      {/* Above the canvas, not over it: an overlay sat on the pod's title. */}
      {many && (
        <div className="graph-note" role="note">
          {workload.containers.length} containers: edges are drawn for the selected container only.
        </div>
      )}
      <ReactFlow
        nodes={nodes}
        edges={edges}
        nodeTypes={nodeTypes}
        edgeTypes={edgeTypes}
        minZoom={0.05}
        maxZoom={3}
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
        {/* The compact graph fits itself; buttons there would sit on the node. */}
        {!compact && (
          <Controls showInteractive={false} showFitView={!many} fitViewOptions={{ padding: 0.05, maxZoom: MAX_ZOOM[textSize] }}>
            {/* React Flow's own fit leaves out the containers never drawn (out of view, not measured). */}
            {many && (
              <ControlButton className="react-flow__controls-fitview" onClick={fitAll} title="Fit View" aria-label="Fit View">
                <svg viewBox="0 0 16 16" aria-hidden="true">
                  <path d="M1 5V1h4M11 1h4v4M15 11v4h-4M5 15H1v-4" fill="none" stroke="currentColor" strokeWidth="2" />
                </svg>
              </ControlButton>
            )}
          </Controls>
        )}
        {many && <MiniMap pannable zoomable ariaLabel="Minimap" />}
      </ReactFlow>
    </>
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
