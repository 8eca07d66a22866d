// /proc/1/status prints numbers: an image user given by name is shown as unknown with the reason,
// never as "Uid: nginx" (issue 16 item 6), in the Markdown and text reports alike.

import { describe, expect, it } from "vitest";
import { analyze } from "../analyze";
import { formatReport } from "../../cli/report";
import { markdownReport } from "./markdown";
import { procIds } from "./procIds";

describe("procIds", () => {
  it.each([
    [0, "0\t0\t0\t0", false],
    [1000, "1000\t1000\t1000\t1000", false],
    ["1000", "1000\t1000\t1000\t1000", false],
    ["nginx", "?\t?\t?\t?", true],
    [-1, "?\t?\t?\t?", true],
    [1.5, "?\t?\t?\t?", true],
    [2 ** 32, "?\t?\t?\t?", true],
  ])("%j → %j", (v, fields, noted) => {
    expect(procIds(v).fields).toBe(fields);
    expect(procIds(v).note !== undefined).toBe(noted);
  });

  it("an image user name reaches the reports as an unknown number with the reason", () => {
    const a = analyze("kind: Pod\nmetadata: {name: p}\nspec: {containers: [{name: web, image: nginx}]}\n", { imageUsers: { web: "nginx" } });
    expect(a.workloads[0].containers[0].process?.uid).toBe("nginx");
    const md = markdownReport(a);
    expect(md).toContain("Uid:\t?\t?\t?\t?");
    expect(md).not.toMatch(/Uid:\tnginx/);
    expect(md).toContain("the image\\'s user \\\"nginx\\\" is a name");
    const text = formatReport(a, "f.yaml");
    expect(text).toContain("/proc/1/status: Uid ?  Gid 0");
    expect(text).toContain('(? the image\'s user "nginx" is a name: its number comes from the image\'s /etc/passwd');
  });
});
