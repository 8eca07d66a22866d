// Every workload in the text, virtualised so a dump of thousands of pods stays responsive.
import { useMemo, useRef, useState } from "react";
import { useVirtualizer } from "@tanstack/react-virtual";
import { PssBadge } from "./panel/PssSection";
import type { ListedWorkload } from "./state/workloads";

export type { ListedWorkload };

interface Props {
  items: ListedWorkload[];
  selected: string | undefined;
  /** `keepFocus`: chosen from the keyboard, so the focus stays in the list. */
  onSelect(key: string, keepFocus: boolean): void;
}

const ROW = 46;

export function WorkloadList({ items, selected, onSelect }: Props) {
  const [filter, setFilter] = useState("");
  const shown = useMemo(() => {
    const f = filter.trim().toLowerCase();
    if (!f) return items;
    return items.filter(({ workload: w }) => `${w.kind} ${w.namespace ?? ""} ${w.name}`.toLowerCase().includes(f));
  }, [items, filter]);
  const scroller = useRef<HTMLDivElement>(null);
  const virtual = useVirtualizer({ count: shown.length, getScrollElement: () => scroller.current, estimateSize: () => ROW, overscan: 8 });

  const move = (delta: number) => {
    const i = shown.findIndex((s) => s.key === selected);
    const next = shown[Math.max(0, Math.min(shown.length - 1, (i === -1 ? 0 : i + delta)))];
    if (next) {
      onSelect(next.key, true);
      virtual.scrollToIndex(shown.indexOf(next), { align: "auto" });
    }
  };

  return (
    <nav className="workload-list" aria-label="Workloads" data-testid="workload-list">
      <div className="wl-head">
        <span>
          {items.length} workload{items.length === 1 ? "" : "s"}
        </span>
        <input type="search" placeholder="Filter…" aria-label="Filter workloads" value={filter} onChange={(e) => setFilter(e.target.value)} />
      </div>
      <div
        ref={scroller}
        className="wl-scroll"
        role="listbox"
        aria-label="Workloads"
        tabIndex={0}
        aria-activedescendant={selected ? `wl-${shown.findIndex((s) => s.key === selected)}` : undefined}
        onKeyDown={(e) => {
          if (e.key === "ArrowDown") {
            e.preventDefault();
            move(1);
          } else if (e.key === "ArrowUp") {
            e.preventDefault();
            move(-1);
          } else if (e.key === "Enter" || e.key === " ") {
            e.preventDefault();
            move(0);
          }
        }}
      >
        <div style={{ height: virtual.getTotalSize(), position: "relative" }}>
          {virtual.getVirtualItems().map((v) => {
            const { key, workload: w, stale } = shown[v.index];
            const isSel = key === selected;
            return (
              <div
                key={key}
                id={`wl-${v.index}`}
                role="option"
                aria-selected={isSel}
                className={`wl-item${isSel ? " selected" : ""}${stale ? " stale" : ""}`}
                style={{ position: "absolute", top: 0, left: 0, right: 0, height: ROW, transform: `translateY(${v.start}px)` }}
                onClick={() => onSelect(key, false)}
                data-name={w.name}
              >
                <div className="wl-line1">
                  <span className="wk-kind">{w.kind}</span> <span className="wl-name">{w.name || "(unnamed)"}</span>
                </div>
                <div className="wl-line2">
                  <span className="wk-ns">{w.namespace ?? "—"}</span>
                  {w.pss && (
                    <span className="wk-pss">
                      <PssBadge level="baseline" allowed={w.pss.baseline.allowed} />
                      <PssBadge level="restricted" allowed={w.pss.restricted.allowed} />
                    </span>
                  )}
                </div>
              </div>
            );
          })}
        </div>
      </div>
    </nav>
  );
}
