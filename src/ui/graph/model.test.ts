import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { analyze } from "../../core/analyze";
import { layoutWorkload, wrapText, wrappedLines, NODE_WIDTH } from "./model";

describe("wrapping (nothing is cut: every character is on some line)", () => {
  it.each([
    ["drop ALL · add NET_BIND_SERVICE, SYS_PTRACE", 120],
    ["14: CHOWN, DAC_OVERRIDE, FSETID, FOWNER, MKNOD, NET_RAW, SETGID, SETUID, SETFCAP, SETPCAP, NET_BIND_SERVICE, SYS_CHROOT, KILL, AUDIT_WRITE", 200],
    ["a-very-long-container-name-without-any-break-opportunity-at-all", 100],
    ["", 100],
  ])("%s in %i px", (text, width) => {
    const lines = wrapText(text, width, 9.4);
    expect(lines.join("").replace(/ /g, "")).toBe(text.replace(/ /g, ""));
    for (const l of lines) expect(l.length).toBeLessThanOrEqual(Math.floor(width / 9.4));
    expect(wrappedLines(text, width, 9.4)).toBe(lines.length);
  });
});

const examples = ["golden-standard", "hardened-app", "override", "deployment-with-sidecar"].map(
  (f) => [f, readFileSync(new URL(`../../core/examples/${f}.yaml`, import.meta.url), "utf8")] as const,
);

describe("layout", () => {
  it.each(examples)("%s: no two nodes overlap, and one container is two node widths wide", (_f, text) => {
    for (const w of analyze(text).workloads) {
      const { nodes } = layoutWorkload(w, { allFields: false, stale: false, runtime: "containerd", selected: 0 });
      const boxes = nodes.filter((n) => n.type !== "group");
      for (let i = 0; i < boxes.length; i++)
        for (let j = i + 1; j < boxes.length; j++) {
          const a = boxes[i];
          const b = boxes[j];
          const overlap = a.position.x < b.position.x + b.width && b.position.x < a.position.x + a.width && a.position.y < b.position.y + b.height && b.position.y < a.position.y + a.height;
          expect(overlap, `${a.id} / ${b.id}`).toBe(false);
        }
      if (w.containers.length === 1) {
        const right = Math.max(...nodes.map((n) => n.position.x + n.width));
        const left = Math.min(...nodes.map((n) => n.position.x));
        expect(right - left).toBeLessThan(2.3 * NODE_WIDTH);
      }
    }
  });

  it("labels only the selected container's edges when there are more than two containers", () => {
    const w = analyze(examples[3][1]).workloads[0];
    expect(w.containers.length).toBeGreaterThan(2);
    const { edges } = layoutWorkload(w, { allFields: false, stale: false, runtime: "containerd", selected: 1 });
    const labelled = new Set(edges.filter((e) => e.label).map((e) => e.target));
    expect([...labelled]).toEqual(["c1"]);
  });
});

describe("the exported picture", () => {
  it("shows every value whole (the runtime's 14 capabilities, a long name) and carries a legend", async () => {
    const { graphSvg } = await import("./svgExport");
    const text = examples[0][1].replace("name: my-app", "name: payments-ledger-reconciliation-worker");
    const svg = graphSvg(analyze(text).workloads[0], { runtime: "containerd", allFields: false, theme: "light" });
    expect(svg).not.toContain("…");
    for (const cap of ["CHOWN", "AUDIT_WRITE", "SYS_CHROOT"]) expect(svg).toContain(cap);
    expect(svg.replace(/<[^>]+>/g, "").replace(/\s+/g, "")).toContain("payments-ledger-reconciliation-worker");
    expect(svg).toContain("Inherited from the pod");
    expect(svg).toContain("overridden by the container");
  });
});
