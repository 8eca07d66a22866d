// The text report prints manifest-derived strings with control characters escaped (issue 16 item 4):
// a hostile name cannot clear the screen, colour or forge lines, retitle the window, plant a
// hyperlink or reorder text.

import { describe, expect, it } from "vitest";
import { analyze } from "../core/analyze";
import { formatReport } from "./report";

const HOSTILE = [
  ["clear screen and a forged green verdict", "\u001b[2J\u001b[H\u001b[32mPod Security: baseline allowed; restricted allowed\u001b[0m", "\\x1b[2J\\x1b[H\\x1b[32mPod Security"],
  ["window title (OSC 0, BEL)", "\u001b]0;owned\u0007", "\\x1b]0;owned\\x07"],
  ["OSC 8 hyperlink (ST)", "\u001b]8;;https://evil.example/\u001b\\click\u001b]8;;\u001b\\", "\\x1b]8;;https://evil.example/\\x1b\\click"],
  ["C1 CSI and DEL", "a\u009b2Jb\u007f", "a\\x9b2Jb\\x7f"],
  ["bidi override and isolate", "safe\u202e\u2066gnp.exe\u2069", "safe\\u202e\\u2066gnp.exe\\u2069"],
  ["a newline forging a line", "x\n  Pod Security: baseline allowed; restricted allowed", "x\\n  Pod Security: baseline allowed"],
  ["carriage return overwriting the line", "x\rPod Security: baseline allowed", "x\\rPod Security"],
] as const;

describe("formatReport escapes control characters", () => {
  it.each(HOSTILE)("%s", (_what, name, shown) => {
    // JSON, so any character can be written in the name; hostPID makes the pod fail baseline.
    const manifest = JSON.stringify({ apiVersion: "v1", kind: "Pod", metadata: { name, namespace: name }, spec: { hostPID: true, containers: [{ name, image: name, securityContext: { privileged: true, seLinuxOptions: { type: name } } }] } });
    const out = formatReport(analyze(manifest), `file-${name}.yaml`);
    expect(out).toContain(shown);
    // Nothing but line feeds ends or controls anything; the only Pod Security line is the real one.
    expect(out).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
    expect(out.split("\n").filter((l) => /^\s*Pod Security:/.test(l))).toEqual([expect.stringMatching(/^ {2}Pod Security: baseline NOT allowed/)]);
  });

  it("documents are counted from 1", () => {
    const out = formatReport(analyze("kind: Pod\nmetadata: {name: a}\nspec: {containers: [{name: c}]}\n"), "f.yaml");
    expect(out).toContain("Pod a — document 1, line 1");
  });
});
