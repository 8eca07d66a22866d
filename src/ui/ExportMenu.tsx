// Exports: the graph as PNG and SVG, a Markdown report, the Analysis JSON, and the selected
// container's effective securityContext as YAML. Everything is made in the tab and saved locally.
import { useEffect, useRef } from "react";
import type { Analysis, Container, Runtime, Workload } from "../core/types";
import { download } from "./download";
import { graphSvg, svgToPng } from "./graph/svgExport";

interface Props {
  /** The whole analysis (from the worker, for a big dump), or undefined before the first one. */
  getAnalysis: (() => Promise<Analysis>) | undefined;
  workload: Workload | undefined;
  container: Container | undefined;
  containerIndex: number | undefined;
  runtime: Runtime;
  allFields: boolean;
  theme: "light" | "dark";
  onMessage(text: string): void;
}

export function ExportMenu({ getAnalysis, workload, container, containerIndex, runtime, allFields, theme, onMessage }: Props) {
  /** An export whose analysis could not be had (the worker restarted, or the text changed since). */
  const failed = (e: unknown) => onMessage(`Nothing was exported: ${e instanceof Error ? e.message : String(e)}`);
  const image = async (kind: "png" | "svg") => {
    if (!workload) return onMessage("There is no graph to export yet.");
    const svg = graphSvg(workload, { runtime, allFields, selected: containerIndex, theme });
    const base = `${workload.kind}-${workload.name || "workload"}`.toLowerCase().replace(/[^a-z0-9.-]+/g, "-");
    if (kind === "svg") return download(`${base}.svg`, svg, "image/svg+xml");
    try {
      download(`${base}.png`, await svgToPng(svg));
    } catch (e) {
      onMessage(`The graph could not be exported as PNG: ${e instanceof Error ? e.message : String(e)}`);
    }
  };
  // A menu closes on Esc (focus back on its button) and on a click or focus anywhere outside it.
  const menu = useRef<HTMLDetailsElement>(null);
  useEffect(() => {
    const close = (e: Event) => {
      const d = menu.current;
      if (d?.open && !d.contains(e.target as Node)) d.open = false;
    };
    const esc = (e: KeyboardEvent) => {
      const d = menu.current;
      if (e.key === "Escape" && d?.open) {
        d.open = false;
        d.querySelector("summary")?.focus();
      }
    };
    document.addEventListener("pointerdown", close);
    document.addEventListener("focusin", close);
    document.addEventListener("keydown", esc);
    return () => {
      document.removeEventListener("pointerdown", close);
      document.removeEventListener("focusin", close);
      document.removeEventListener("keydown", esc);
    };
  }, []);
  return (
    <details
      ref={menu}
      className="menu"
      data-testid="export-menu"
      onClick={(e) => {
        // Choosing an item closes the menu.
        if ((e.target as HTMLElement).closest("button")) (e.currentTarget as HTMLDetailsElement).open = false;
      }}
    >
      <summary className="tool-button">⤓ export</summary>
      <div className="menu-items" role="menu">
        <button role="menuitem" onClick={() => image("png")}>
          Graph as PNG
        </button>
        <button role="menuitem" onClick={() => image("svg")}>
          Graph as SVG
        </button>
        <button role="menuitem" disabled={!getAnalysis} onClick={() => getAnalysis && Promise.all([getAnalysis(), import("../core/report/markdown")]).then(([a, { markdownReport }]) => download("security-context-report.md", markdownReport(a), "text/markdown"), failed)}>
          Report (Markdown)
        </button>
        <button role="menuitem" disabled={!getAnalysis} onClick={() => getAnalysis?.().then((a) => download("analysis.json", `${JSON.stringify(a, null, 2)}\n`, "application/json"), failed)}>
          Analysis (JSON)
        </button>
        <button
          role="menuitem"
          disabled={!container}
          onClick={() => container && void import("../core/report/effectiveYaml").then(({ effectiveSecurityContextYaml }) => download(`${container.name || "container"}-securityContext.yaml`, effectiveSecurityContextYaml(container), "application/yaml"))}
        >
          Effective securityContext of {container ? `“${container.name}”` : "the selected container"} (YAML)
        </button>
      </div>
    </details>
  );
}
