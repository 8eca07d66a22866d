// Strict parsing of the command line: every malformed or conflicting argument is a usage error
// (exit 2 through main) with a message naming what was wrong, never a silent choice.

import { describe, expect, it } from "vitest";
import { parseArgs, UsageError, MAX_USER_ID } from "./args";

const refused = (argv: string[]): string => {
  try {
    parseArgs(argv);
  } catch (e) {
    expect(e).toBeInstanceOf(UsageError);
    return (e as Error).message;
  }
  throw new Error(`accepted: ${JSON.stringify(argv)}`);
};

describe("parseArgs refuses", () => {
  it.each([
    // conflicting output formats: the last one used to win silently
    [["analyze", "-", "--json", "--sarif"], "--json and --sarif ask for different outputs"],
    [["analyze", "-", "--markdown", "--json"], "--markdown and --json ask for different outputs"],
    [["analyze", "-", "--json", "--format", "sarif"], "--json and --format sarif ask for different outputs"],
    [["analyze", "-", "--json", "--json=summary"], "--json and --json=summary ask for different outputs"],
    // = values
    [["analyze", "-", "--json=foo"], '--json takes no value or =summary, not "foo"'],
    [["analyze", "-", "--json="], '--json takes no value or =summary, not ""'],
    [["analyze", "-", "--sarif=1"], '--sarif takes no value, not "1"'],
    [["analyze", "-", "--seccomp-default=false"], '--seccomp-default takes no value, not "false"'],
    [["analyze", "-", "--runtime="], '--runtime must be containerd or cri-o, not ""'],
    [["analyze", "-", "--runtime", "--json"], "--runtime needs a value"],
    [["analyze", "-", "--bogus=1"], "unknown option --bogus"],
    // short options: only -h exists
    [["analyze", "-", "-j"], "unknown option -j"],
    [["analyze", "-j", "-"], "unknown option -j"],
    [["analyze", "-", "-json"], "unknown option -json (options start with --, as in --json)"],
    // repeated single-valued options that disagree
    [["analyze", "-", "--runtime", "cri-o", "--runtime=containerd"], '--runtime given twice ("cri-o" and "containerd")'],
    [["analyze", "-", "--fail-on", "error", "--fail-on", "baseline"], "--fail-on given twice"],
    [["analyze", "-", "--image-user", "app=1", "--image-user", "app=2"], '--image-user names container "app" twice'],
    // user ids outside 0…2147483647, as the API validates runAsUser
    [["analyze", "-", "--image-user", "app=99999999999999999999"], "app=99999999999999999999: a user id must be between 0 and 2147483647, inclusive"],
    [["analyze", "-", "--image-user", "app=2147483648"], "must be between 0 and 2147483647, inclusive"],
    [["analyze", "-", "--image-user", "app=-1"], "app=-1: a user id must be between 0 and 2147483647, inclusive"],
    [["analyze", "-", "--image-user=app=+5"], "must be between 0 and 2147483647"],
    [["analyze", "-", "--image-user", "app=1.5"], "must be between 0 and 2147483647"],
    [["analyze", "-", "--image-user", "app=1e3"], "must be between 0 and 2147483647"],
    [["analyze", "-", "--image-user", "app="], "--image-user takes <container>=<uid|name>"],
    // operands
    [["analyze", "a.yaml", "b.yaml"], 'analyze takes one file, got 2: "a.yaml", "b.yaml"'],
    [["analyse", "-"], 'unknown command "analyse"'],
    // control characters in an echoed argument are shown escaped
    [["analyze", "-", "--runtime", "\u001b[2Jx"], 'not "\\x1b[2Jx"'],
    [["analyze", "-", "--\u202egnp"], "unknown option --\\u202egnp"],
  ])("%j: %s", (argv, message) => {
    expect(refused(argv)).toContain(message);
  });
});

describe("parseArgs accepts", () => {
  it("each output format, alone or repeated, in every spelling", () => {
    const cases: [string[], string, boolean][] = [
      [[], "text", false],
      [["--json"], "json", false],
      [["--json", "--json"], "json", false],
      [["--json", "--format=json"], "json", false],
      [["--json=summary"], "json", true],
      [["--sarif"], "sarif", false],
      [["--markdown", "--format", "markdown"], "markdown", false],
      [["--format=text"], "text", false],
    ];
    for (const [flags, format, summary] of cases) {
      const o = parseArgs(["analyze", "-", ...flags]);
      expect([o.format, o.jsonSummary, o.json], flags.join(" ")).toEqual([format, summary, format === "json"]);
    }
  });

  it("--flag value and --flag=value alike", () => {
    const spaced = parseArgs(["analyze", "f.yaml", "--runtime", "cri-o", "--kubernetes", "1.30", "--fail-on", "baseline", "--image-user", "app=1000"]);
    const joined = parseArgs(["analyze", "f.yaml", "--runtime=cri-o", "--kubernetes=1.30", "--fail-on=baseline", "--image-user=app=1000"]);
    expect(joined).toEqual(spaced);
    expect(spaced).toMatchObject({ command: "analyze", input: "f.yaml", runtime: "cri-o", kubernetes: "1.30", failOn: "baseline" });
    expect({ ...spaced.imageUsers }).toEqual({ app: 1000 });
  });

  it("user ids at the bounds, names, and a container named __proto__", () => {
    const o = parseArgs(["analyze", "-", "--image-user", "a=0", "--image-user", `b=${MAX_USER_ID}`, "--image-user", "c=nobody", "--image-user", "__proto__=7", "--image-user", "d=1000:1000"]);
    expect(Object.entries(o.imageUsers)).toEqual([["a", 0], ["b", 2147483647], ["c", "nobody"], ["__proto__", 7], ["d", "1000:1000"]]);
  });

  it("- as standard input, -- before a file named like an option, -h and --help", () => {
    expect(parseArgs(["analyze", "-"]).input).toBe("-");
    expect(parseArgs(["analyze", "--json", "--", "-j.yaml"])).toMatchObject({ input: "-j.yaml", format: "json" });
    expect(parseArgs(["-h"]).command).toBe("help");
    expect(parseArgs(["analyze", "-", "--help"]).command).toBe("help");
  });
});
