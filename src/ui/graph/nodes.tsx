// The graph's two node kinds. Rows are buttons so the keyboard reaches them.
import { Handle, Position, type NodeProps, type Node } from "@xyflow/react";
import type { GraphNodeData, FieldRow } from "./model";
import { SourceBadge } from "./SourceBadge";

export type PodFlowNode = Node<GraphNodeData, "pod">;
export type ContainerFlowNode = Node<GraphNodeData, "container">;

const TYPE_LABEL = { init: "init", sidecar: "sidecar", regular: "container", ephemeral: "ephemeral" } as const;

function Row({ row }: { row: FieldRow }) {
  return (
    <li className={`field-row source-row-${row.source}`} data-field={row.field} data-source={row.source}>
      <span className="field-name">{row.field}</span>
      <span className="field-value" data-testid={`value-${row.field}`}>
        {row.value}
        {row.overrides !== undefined && (
          <span className="overrides">
            {" "}
            (overrides pod <s>{row.overrides}</s>)
          </span>
        )}
      </span>
      <SourceBadge source={row.source} />
    </li>
  );
}

export function PodNode({ data }: NodeProps<PodFlowNode>) {
  const w = data.workload;
  return (
    <div className={`node pod-node${data.stale ? " stale" : ""}`} data-testid="pod-node" aria-label={`Pod-level securityContext of ${w.kind} ${w.name}`}>
      <header>
        <span className="node-kind">pod</span>
        <span className="node-title">{w.kind} {w.name || "(unnamed)"}</span>
      </header>
      <div className="node-sub">spec.securityContext</div>
      {data.rows.length ? (
        <ul className="rows">
          {data.rows.map((r) => (
            <Row key={r.field} row={r} />
          ))}
        </ul>
      ) : (
        <p className="empty">not set: containers get their own values or defaults</p>
      )}
      <Handle type="source" position={Position.Bottom} isConnectable={false} />
    </div>
  );
}

export function ContainerNode({ data, selected }: NodeProps<ContainerFlowNode>) {
  const c = data.container!;
  return (
    <div
      className={`node container-node type-${c.type}${selected ? " selected" : ""}${data.stale ? " stale" : ""}`}
      data-testid={`container-node-${c.name}`}
      aria-label={`${TYPE_LABEL[c.type]} ${c.name}`}
    >
      <Handle type="target" position={Position.Top} isConnectable={false} />
      <header>
        <span className={`node-kind kind-${c.type}`}>{TYPE_LABEL[c.type]}</span>
        <span className="node-title">{c.name || "(unnamed)"}</span>
        {c.startup && !c.startup.ok && <span className="startup-fail" title={c.startup.message}>{c.startup.reason}</span>}
      </header>
      <ul className="rows">
        {data.rows.map((r) => (
          <Row key={r.field} row={r} />
        ))}
      </ul>
    </div>
  );
}
