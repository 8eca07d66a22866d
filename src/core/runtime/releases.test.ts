import { describe, expect, it } from "vitest";
import { analyze } from "../analyze";
import { findLine, linesOf, newestLine, parseRuntimeSpec, RELEASE_LINES } from "./releases";

const POD = "apiVersion: v1\nkind: Pod\nmetadata: {name: web}\nspec:\n  containers:\n  - name: app\n    image: x\n";

describe("release lines (core/runtime/releases.ts)", () => {
  it.each([
    // runtime, line, ip_unprivileged_port_start, ping_group_range, the file the default is read from
    ["containerd", "1.7", null, null, "pkg/cri/config/config_unix.go DefaultConfig"],
    ["containerd", "2.0", "0", "0 2147483647", "internal/cri/config/config_unix.go DefaultRuntimeConfig"],
    ["containerd", "2.1", "0", "0 2147483647", "internal/cri/config/config_unix.go DefaultRuntimeConfig"],
    ["containerd", "2.2", "0", "0 2147483647", "internal/cri/config/config_unix.go DefaultRuntimeConfig"],
    ["containerd", "2.3", "0", "0 2147483647", "internal/cri/config/config_unix.go DefaultRuntimeConfig"],
    ["cri-o", "1.28", null, null, "pkg/config/config.go DefaultSysctls"],
    ["cri-o", "1.33", null, null, "pkg/config/config.go DefaultSysctls"],
    ["cri-o", "1.36", null, null, "pkg/config/config.go DefaultSysctls"],
  ] as const)("%s %s: port start %s, ping range %s (%s)", (runtime, line, port, ping, file) => {
    const l = findLine(runtime, line)!;
    expect(l.sandboxSysctls.ipUnprivilegedPortStart.value).toBe(port);
    expect(l.sandboxSysctls.pingGroupRange.value).toBe(ping);
    expect(l.sandboxSysctls.ipUnprivilegedPortStart.source).toContain(file);
    expect(l.sandboxSysctls.pingGroupRange.source).toContain(file);
  });

  it.each([
    // runtime, line, keyctl, clone(CLONE_NEWUSER), mount, io_uring_setup under RuntimeDefault without capabilities
    ["containerd", "1.7", "never", "CAP_SYS_ADMIN", "CAP_SYS_ADMIN", "always"],
    ["containerd", "2.1", "never", "CAP_SYS_ADMIN", "CAP_SYS_ADMIN", "never"],
    ["cri-o", "1.28", "always", "always", "always", "never"],
    ["cri-o", "1.30", "always", "CAP_SYS_ADMIN", "always", "never"],
    ["cri-o", "1.36", "always", "CAP_SYS_ADMIN", "always", "never"],
  ] as const)("%s %s seccomp: keyctl %s, clone(CLONE_NEWUSER) %s, mount %s, io_uring %s", (runtime, line, keyctl, clone, mount, ioUring) => {
    const s = findLine(runtime, line)!.seccomp.syscalls;
    const show = (r: (typeof s)["keyctl"]["value"]) => (typeof r === "string" ? r : r.anyOf.join("|"));
    expect(show(s.keyctl.value)).toBe(keyctl);
    expect(show(s["clone(CLONE_NEWUSER)"].value)).toBe(clone);
    expect(show(s.mount.value)).toBe(mount);
    expect(show(s.io_uring_setup.value)).toBe(ioUring);
  });

  it("every line names the tag read and every fact a file and function", () => {
    for (const l of RELEASE_LINES) {
      expect(l.tag).toMatch(/^v\d+\.\d+\.\d+$/);
      expect(l.tag.startsWith(`v${l.line}.`)).toBe(true);
      for (const [name, fact] of Object.entries(l.seccomp.syscalls)) {
        expect(fact.source, `${l.runtime} ${l.line} ${name}`).toMatch(/\.go \S+/);
      }
      expect(l.sandboxSysctls.ipUnprivilegedPortStart.source).toMatch(/\.go /);
    }
  });

  it.each([
    ["containerd", { runtime: "containerd", version: "2.3" }],
    ["containerd@2.1", { runtime: "containerd", version: "2.1" }],
    ["containerd@v2.1.4", { runtime: "containerd", version: "2.1" }],
    ["cri-o@1.33", { runtime: "cri-o", version: "1.33" }],
    ["crio@1.28", { runtime: "cri-o", version: "1.28" }],
    ["cri-o", { runtime: "cri-o", version: "1.36" }],
  ])("parses %s", (text, want) => {
    expect(parseRuntimeSpec(text)).toEqual(want);
  });

  it.each(["docker", "containerd@1.9", "cri-o@2.1", "containerd@", "containerd@latest-ish", "@2.1"])("refuses %s with a message", (text) => {
    const r = parseRuntimeSpec(text);
    expect("error" in r && r.error.length > 10).toBe(true);
  });

  it("the newest line of each runtime is the last one listed", () => {
    expect(newestLine("containerd")).toBe(linesOf("containerd").at(-1));
    expect(newestLine("cri-o").line).toBe("1.36");
  });

  it.each([
    [{}, "containerd", "2.3"],
    [{ runtime: "containerd" as const, runtimeVersion: "1.7" }, "containerd", "1.7"],
    [{ runtime: "cri-o" as const, runtimeVersion: "1.33" }, "cri-o", "1.33"],
    [{ runtime: "cri-o" as const, runtimeVersion: "9.9" }, "cri-o", "1.36"],
  ])("Analysis.runtimeVersion is always set: %j", (options, runtime, version) => {
    const a = analyze(POD, options);
    expect(a.runtime).toBe(runtime);
    expect(a.runtimeVersion).toBe(version);
  });

  it("process views of the newest lines are unchanged by naming the line", () => {
    for (const runtime of ["containerd", "cri-o"] as const) {
      const plain = analyze(POD, { runtime }).workloads[0].containers[0].process;
      const named = analyze(POD, { runtime, runtimeVersion: newestLine(runtime).line }).workloads[0].containers[0].process;
      expect(named).toEqual(plain);
    }
  });
});
