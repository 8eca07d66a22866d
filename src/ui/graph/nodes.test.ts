import { describe, expect, it } from "vitest";
import { analyze } from "../../core/analyze";
import { podRows } from "./model";
import { rowHoverText } from "./nodes";

// A pod row is any key written in the pod's securityContext, a misspelled one included: its hover
// text must not need the catalogue to know it (the pod node is drawn from these rows).
describe("a pod row's hover text", () => {
  const text = "apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  securityContext:\n    runAsUsr: 1000\n    fsGroup: 2000\n  containers: [{name: c, image: x}]\n";
  const rows = podRows(analyze(text).workloads[0]);

  it("a misspelled field: its value and place, no explanation", () => {
    const row = rows.find((r) => (r.field as string) === "runAsUsr")!;
    expect(row).toBeDefined();
    const hover = rowHoverText(row);
    expect(hover).toContain("1000");
    expect(hover).not.toContain("\n\n");
  });

  it("a catalogue field: with the catalogue's summary", () => {
    const hover = rowHoverText(rows.find((r) => r.field === "fsGroup")!);
    expect(hover).toContain("2000");
    expect(hover.split("\n\n")[1]?.length).toBeGreaterThan(10);
  });
});
