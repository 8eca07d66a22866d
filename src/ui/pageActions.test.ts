import { describe, expect, it } from "vitest";
import { analyze } from "../core/analyze";
import { manyContainersPod } from "../../bench/hostile";
import { displayCopy } from "./displayCap";
import { ACTIONS_INLINE_MAX_CONTAINERS, actionsAtOf, actionsFor, pageCopy, workloadWithoutActions } from "./pageActions";

const containersOf = (a: ReturnType<typeof analyze>) => a.workloads.flatMap((w) => w.containers);

describe("the page's copy leaves the actions in the worker unless it is small and whole", () => {
  it.each([
    [1, false, true],
    [ACTIONS_INLINE_MAX_CONTAINERS, false, true],
    [ACTIONS_INLINE_MAX_CONTAINERS + 1, false, false],
    [1, true, false],
  ])("%i containers, partial %s: actions inline %s", (n, partial, inline) => {
    const a = analyze(manyContainersPod(n));
    const copy = pageCopy(a, partial);
    expect(containersOf(copy).every((c) => (c.actions !== undefined) === inline)).toBe(true);
    expect(containersOf(copy).every((c) => (actionsAtOf(c) !== undefined) === !inline)).toBe(true);
    // The analysis itself is not changed (the CLI and exports keep every action).
    expect(containersOf(a).every((c) => (c.actions?.length ?? 0) > 0)).toBe(true);
  });

  it("says where each container's actions are, and they are the same actions", () => {
    const a = analyze(manyContainersPod(30));
    const copy = pageCopy(a, false);
    copy.workloads[0].containers.forEach((c, i) => {
      const at = actionsAtOf(c)!;
      expect(at).toEqual({ workload: 0, container: i });
      expect(actionsFor(a, at)).toEqual(a.workloads[0].containers[i].actions);
    });
    expect(actionsFor(a, { workload: 0, container: 30 })).toBeUndefined();
    expect(actionsFor(a, { workload: 3, container: 0 })).toBeUndefined();
  });

  it("makes the hostile link's message a fraction of its size (issue 16 item 2)", { timeout: 60_000 }, () => {
    const text = manyContainersPod(1000, 20_000);
    const a = analyze(text);
    const copy = displayCopy(a, text.length);
    const sent = pageCopy(copy.analysis, true);
    expect(JSON.stringify(sent).length).toBeLessThan(JSON.stringify(copy.analysis).length / 3);
    // A workload's details ("show all") leave them out too, indexed by the workload.
    const w = workloadWithoutActions(a.workloads[0], 0);
    expect(w.containers).toHaveLength(1000);
    expect(actionsAtOf(w.containers[999])).toEqual({ workload: 0, container: 999 });
  });
});
