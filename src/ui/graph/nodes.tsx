// The graph's node kinds. Rows are focusable buttons so the keyboard reaches them.
import { useContext } from "react";
import { Handle, Position, type NodeProps, type Node } from "@xyflow/react";
import type { GraphNodeData, FieldRow } from "./model";
import { FIELD_GROUPS, overridesText, runtimeRows } from "./model";
import { SourceBadge } from "./SourceBadge";
import { GraphContext } from "./context";
import { proseOf } from "../../core/catalogue/fieldProse";
import { SOURCE_META } from "../sources";
import { violationsOfContainer } from "../../core/pss/perContainer";

type FlowNode<K extends string> = Node<GraphNodeData, K>;

const TYPE_LABEL = { init: "init", sidecar: "sidecar", regular: "container", ephemeral: "ephemeral" } as const;

/** What hovering a row says: the value and where it came from first, then what the field is. */
export function rowHoverText(row: FieldRow): string {
  const from = row.source === "pod" || row.source === "container" ? `${SOURCE_META[row.source].label} securityContext${row.line ? `, line ${row.line}` : ""}` : SOURCE_META[row.source].title;
  const lines = [`${row.field}: ${row.value}`, `from: ${from}`];
  if (row.overrides !== undefined) lines.push(overridesText(row));
  if (row.risk) lines.push(`risk: ${row.risk}`);
  if (row.dropped) lines.push(row.dropped);
  // A pod row is any key written in the pod's securityContext, a misspelled one included: it may have no prose.
  const summary = proseOf(row.field as string)?.summary;
  if (summary) lines.push("", summary);
  return lines.join("\n");
}

function Row({ row, container, highlighted }: { row: FieldRow; container: number | undefined; highlighted: boolean }) {
  const links = useContext(GraphContext);
  const where = row.line ? `line ${row.line}` : "not set";
  return (
    <li
      className={`field-row source-row-${row.source}${row.risk ? " risky" : ""}${highlighted ? " row-highlight" : ""}`}
      data-field={row.field}
      data-source={row.source}
    >
      {/* No aria-label: the name is the visible text plus the hidden context, so speech matches sight. */}
      <button
        className="row-button nodrag"
        title={rowHoverText(row)}
        onClick={(e) => {
          e.stopPropagation();
          links.onRow(container, row.field);
        }}
      >
        <span className="field-name">{row.field}</span>
        <span className="field-value" data-testid={`value-${row.field}`}>
          {row.value}
        </span>
        <span className="row-marks" aria-hidden="true">
          {row.dropped !== undefined && (
            <span className="dropped-mark" title={row.dropped} data-testid={`dropped-${row.field}`}>
              ⊘
            </span>
          )}
          {row.risk && (
            <span className="risk-mark" title={row.risk}>
              !
            </span>
          )}
          <SourceBadge source={row.source} />
        </span>
        {row.overrides !== undefined && (
          <span className="overrides-line">
            overrides pod <s>{row.overrides}</s>
            {row.overridesLine ? `, line ${row.overridesLine}` : ""}
          </span>
        )}
        <span className="sr-only">
          , from {SOURCE_META[row.source].label}
          {row.risk ? `, risk: ${row.risk}` : ""}
          {row.dropped ? `, ${row.dropped}` : ""} ({where})
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
  const rows = runtimeRows(data.runtime ?? "containerd");
  return (
    <div className="node runtime-node" data-testid="runtime-node" role="group" aria-label={`${data.runtime} defaults`}>
      <header>
        <span className="node-kind kind-runtime">runtime</span>
        <span className="node-title">{data.runtime === "cri-o" ? "CRI-O" : "containerd"} defaults</span>
      </header>
      <ul className="rows static">
        {rows.map((r) => (
          <li key={r.field} className="field-row source-row-default" title={r.title || undefined} data-field={r.field}>
            <span className="field-name">{r.field}</span>
            <span className={`field-value${r.field === "capabilities" ? "" : " prose"}`}>{r.value}</span>
            <SourceBadge source="default" />
          </li>
        ))}
      </ul>
      <Handle type="source" position={Position.Right} isConnectable={false} />
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
      <Handle id="defaults" type="target" position={Position.Left} isConnectable={false} style={{ top: 27 }} />
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
        <span className="node-title">what fsGroup {String(data.workload.pod.fields.find((f) => f.name === "fsGroup")?.value ?? "")} changes</span>
      </header>
      <ul className="rows static">
        {volumes.map((v) => (
          <li key={v.name} className={`field-row volume-${v.ownership}`} title={v.why} data-volume={v.name} data-ownership={v.ownership}>
            <span className="field-name">{v.name || "(unnamed)"}</span>
            <span className="field-value">{v.type}</span>
            <span className="ownership-mark" title={v.ownership}>
              {OWNERSHIP_MARK[v.ownership]}
              <span className="sr-only"> {v.ownership}</span>
            </span>
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
