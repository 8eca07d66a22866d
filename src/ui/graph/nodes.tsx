// The graph's node kinds. Rows are focusable buttons so the keyboard reaches them.
import { useContext } from "react";
import { Handle, Position, type NodeProps, type Node } from "@xyflow/react";
import type { GraphNodeData, FieldRow } from "./model";
import { FIELD_GROUPS } from "./model";
import { SourceBadge } from "./SourceBadge";
import { GraphContext } from "./context";
import { RUNTIME_DEFAULTS } from "../../core/runtime/defaults";
import { fieldSpec } from "../../core/catalogue/fields";
import { SOURCE_META } from "../sources";
import { violationsOfContainer } from "../../core/pss/perContainer";

type FlowNode<K extends string> = Node<GraphNodeData, K>;

const TYPE_LABEL = { init: "init", sidecar: "sidecar", regular: "container", ephemeral: "ephemeral" } as const;

function Row({ row, container, highlighted }: { row: FieldRow; container: number | undefined; highlighted: boolean }) {
  const links = useContext(GraphContext);
  const where = row.line ? `line ${row.line}` : "not set";
  const label = `${row.field} ${row.value}, from ${SOURCE_META[row.source].label}${row.overrides !== undefined ? `, overrides pod ${row.overrides}` : ""}${row.risk ? `, risk: ${row.risk}` : ""}${row.dropped ? `, ${row.dropped}` : ""} (${where})`;
  return (
    <li
      className={`field-row source-row-${row.source}${row.risk ? " risky" : ""}${highlighted ? " row-highlight" : ""}`}
      data-field={row.field}
      data-source={row.source}
    >
      <button
        className="row-button nodrag"
        aria-label={label}
        title={row.dropped ?? fieldSpec(row.field)?.summary ?? row.field}
        onClick={(e) => {
          e.stopPropagation();
          links.onRow(container, row.field);
        }}
      >
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
        <span className="row-marks">
          {row.dropped !== undefined && (
            <span className="dropped-mark" title={row.dropped} data-testid={`dropped-${row.field}`} aria-hidden="true">
              ⊘
            </span>
          )}
          {row.risk && (
            <span className="risk-mark" title={row.risk} aria-hidden="true">
              ⚠
            </span>
          )}
          <SourceBadge source={row.source} />
        </span>
      </button>
    </li>
  );
}

export function PodNode({ data }: NodeProps<FlowNode<"pod">>) {
  const w = data.workload;
  const links = useContext(GraphContext);
  const handles = data.handles ?? [];
  return (
    <div
      className={`node pod-node${data.stale ? " stale" : ""}${links.cursor?.pod ? " cursor-highlight" : ""}`}
      data-testid="pod-node"
      role="group"
      aria-label={`Pod-level securityContext of ${w.kind} ${w.name}`}
    >
      <header>
        <span className="node-kind">pod</span>
        <span className="node-title">
          {w.kind} {w.name || "(unnamed)"}
        </span>
      </header>
      <div className="node-sub">{w.pod.path}</div>
      {data.rows.length ? (
        <ul className="rows">
          {data.rows.map((r) => (
            <Row key={r.field} row={r} container={undefined} highlighted={links.cursor?.pod === true && links.cursor.field === r.field} />
          ))}
        </ul>
      ) : (
        <p className="empty">not set: each container gets its own values or the defaults</p>
      )}
      <Handle id="volumes" type="source" position={Position.Left} isConnectable={false} />
      {handles.map((id, i) => (
        <Handle
          key={id}
          id={id}
          type="source"
          position={Position.Bottom}
          isConnectable={false}
          style={{ left: `${((i + 1) / (handles.length + 1)) * 100}%` }}
          title={FIELD_GROUPS.find((g) => g.id === id)?.title}
        />
      ))}
    </div>
  );
}

export function RuntimeNode({ data }: NodeProps<FlowNode<"runtime">>) {
  const d = RUNTIME_DEFAULTS[data.runtime ?? "containerd"];
  const caps = d.capabilities.value.map((c) => c.replace(/^CAP_/, ""));
  return (
    <div className="node runtime-node" data-testid="runtime-node" role="group" aria-label={`${data.runtime} defaults`}>
      <header>
        <span className="node-kind kind-runtime">runtime</span>
        <span className="node-title">{data.runtime === "cri-o" ? "CRI-O" : "containerd"} defaults</span>
      </header>
      <ul className="rows static">
        <li className="field-row source-row-default" title={d.capabilities.source}>
          <span className="field-name">capabilities</span>
          <span className="field-value">
            {caps.length}: {caps.slice(0, 4).join(", ")}…
          </span>
          <SourceBadge source="default" />
        </li>
        <li className="field-row source-row-default">
          <span className="field-name">seccomp</span>
          <span className="field-value">none unless set (or kubelet default)</span>
          <SourceBadge source="default" />
        </li>
        <li className="field-row source-row-default">
          <span className="field-name">AppArmor</span>
          <span className="field-value">runtime profile, if the node has it</span>
          <SourceBadge source="default" />
        </li>
        <li className="field-row source-row-default">
          <span className="field-name">/proc</span>
          <span className="field-value">masked and read-only paths</span>
          <SourceBadge source="default" />
        </li>
      </ul>
      <Handle type="source" position={Position.Bottom} isConnectable={false} />
    </div>
  );
}

export function ContainerNode({ data, selected }: NodeProps<FlowNode<"container">>) {
  const c = data.container!;
  const links = useContext(GraphContext);
  const cursorHere = links.cursor?.container === data.containerIndex;
  const risks = Object.keys(c.risks ?? {}).length;
  return (
    <div
      className={`node container-node type-${c.type}${selected ? " selected" : ""}${data.stale ? " stale" : ""}${cursorHere ? " cursor-highlight" : ""}`}
      data-testid={`container-node-${c.name}`}
      role="group"
      aria-label={`${TYPE_LABEL[c.type]} ${c.name}${risks ? `, ${risks} risky settings` : ""}`}
    >
      <Handle type="target" position={Position.Top} isConnectable={false} />
      <Handle id="defaults" type="target" position={Position.Top} isConnectable={false} style={{ left: "88%" }} />
      <header>
        <span className={`node-kind kind-${c.type}`}>{TYPE_LABEL[c.type]}</span>
        <span className="node-title">{c.name || "(unnamed)"}</span>
        {c.startup && !c.startup.ok && (
          <span className="startup-fail" title={c.startup.message}>
            {c.startup.reason}
          </span>
        )}
        <ContainerPss workload={data.workload} name={c.name} />
      </header>
      <ul className="rows">
        {data.rows.map((r) => (
          <Row key={r.field} row={r} container={data.containerIndex} highlighted={cursorHere && links.cursor?.field === r.field} />
        ))}
      </ul>
    </div>
  );
}

const OWNERSHIP_MARK = { changed: "✓", unchanged: "—", depends: "?" } as const;

/** The pod's volumes, and what fsGroup does to each. */
export function VolumesNode({ data }: NodeProps<FlowNode<"volumes">>) {
  const volumes = data.workload.volumes ?? [];
  return (
    <div className="node volumes-node" data-testid="volumes-node" role="group" aria-label="Pod volumes and fsGroup">
      <Handle type="target" position={Position.Right} isConnectable={false} />
      <header>
        <span className="node-kind kind-volumes">volumes</span>
        <span className="node-title">what fsGroup changes</span>
      </header>
      <ul className="rows static">
        {volumes.map((v) => (
          <li key={v.name} className={`field-row volume-${v.ownership}`} title={v.why} data-volume={v.name} data-ownership={v.ownership}>
            <span className="field-name">{v.name || "(unnamed)"}</span>
            <span className="field-value">{v.type}</span>
            <span aria-label={v.ownership}>{OWNERSHIP_MARK[v.ownership]}</span>
          </li>
        ))}
      </ul>
      <p className="node-note">✓ group set to fsGroup · — left as is · ? depends on the storage</p>
    </div>
  );
}

/** The container's own Pod Security standing: the strictest level none of its violations breaks. */
function ContainerPss({ workload, name }: { workload: GraphNodeData["workload"]; name: string }) {
  if (!workload.pss) return null;
  const base = violationsOfContainer(workload.pss.baseline, name);
  const restr = violationsOfContainer(workload.pss.restricted, name);
  const label = base.length ? "✗ baseline" : restr.length ? "✓ baseline ✗ restricted" : "✓ restricted";
  const title = [...base, ...restr].map((v) => `${v.reason} (${v.check})`).join("\n") || "No Pod Security violation names this container";
  return (
    <span className={`pss-badge container-pss ${base.length || restr.length ? "fail" : "ok"}`} title={title} data-testid="container-pss">
      {label}
    </span>
  );
}

export function GroupNode({ data }: NodeProps<FlowNode<"group">>) {
  return (
    <div className="group-node" style={{ width: data.width, height: data.height }} aria-hidden="true">
      <span className="group-title">
        {data.title} <span className="muted">({data.count})</span>
      </span>
    </div>
  );
}
