// Every action under containerd 1.7, containerd 2.x and CRI-O, for the pod shapes that change the
// answers. Expected verdicts are derived by hand from the sources each rule names (releases.ts,
// catalogue.ts); the source text of every verdict is checked to name a file and a function.
import { describe, expect, it } from "vitest";
import { analyze } from "../analyze";
import type { Action, AnalyzeOptions, Container } from "../types";
import { ACTIONS } from "./catalogue";

type Runtime = { runtime: "containerd" | "cri-o"; runtimeVersion: string };
const CTRD17: Runtime = { runtime: "containerd", runtimeVersion: "1.7" };
const CTRD2: Runtime = { runtime: "containerd", runtimeVersion: "2.1" };
const CRIO: Runtime = { runtime: "cri-o", runtimeVersion: "1.33" };
const CRIO128: Runtime = { runtime: "cri-o", runtimeVersion: "1.28" };

function pod(opts: { sc?: string; podSc?: string; spec?: string; mounts?: string; volumes?: string; second?: boolean } = {}): string {
  return [
    "apiVersion: v1",
    "kind: Pod",
    "metadata: {name: p}",
    "spec:",
    ...(opts.spec ? [`  ${opts.spec}`] : []),
    ...(opts.podSc ? [`  securityContext: ${opts.podSc}`] : []),
    "  containers:",
    "  - name: app",
    "    image: x",
    ...(opts.sc ? [`    securityContext: ${opts.sc}`] : []),
    ...(opts.mounts ? [`    volumeMounts: ${opts.mounts}`] : []),
    ...(opts.second ? ["  - name: other", "    image: y"] : []),
    ...(opts.volumes ? [`  volumes: ${opts.volumes}`] : []),
    "",
  ].join("\n");
}

function actionsOf(text: string, options: AnalyzeOptions, index = 0): Map<string, Action> {
  const c: Container = analyze(text, options).workloads[0].containers[index];
  return new Map((c.actions ?? []).map((a) => [a.id, a]));
}

const ROOT = {};
const NONROOT = { podSc: "{runAsUser: 1000, runAsGroup: 3000}" };
const DROP_ALL = { sc: "{capabilities: {drop: [ALL]}}" };
const NONROOT_DROP_ALL_BIND = { podSc: "{runAsUser: 1000}", sc: "{capabilities: {drop: [ALL], add: [NET_BIND_SERVICE]}}" };
const PRIV = { sc: "{privileged: true}" };
const RD = { sc: "{seccompProfile: {type: RuntimeDefault}}" };
const RD_SYSADMIN = { sc: "{seccompProfile: {type: RuntimeDefault}, capabilities: {add: [SYS_ADMIN, SYS_TIME]}}" };
const HOSTPID = { spec: "hostPID: true" };
const HOSTNET = { spec: "hostNetwork: true" };
const SHARED = { spec: "shareProcessNamespace: true", second: true };
const SHARED_PTRACE = { spec: "shareProcessNamespace: true", second: true, sc: "{capabilities: {add: [SYS_PTRACE]}}" };
const NNP = { podSc: "{runAsUser: 1000}", sc: "{allowPrivilegeEscalation: false}" };
const RO = { podSc: "{runAsUser: 1000}", sc: "{readOnlyRootFilesystem: true}" };

// [case, pod, runtime, action id, verdict]
const TABLE: [string, Parameters<typeof pod>[0], Runtime, string, Action["verdict"]][] = [
  // bind :80 — the containerd 2.x sandbox sysctl, NET_BIND_SERVICE only for root
  ["root", ROOT, CTRD17, "bind-privileged-port", "allowed"],
  ["non-root", NONROOT, CTRD17, "bind-privileged-port", "blocked"],
  ["non-root", NONROOT, CTRD2, "bind-privileged-port", "allowed"],
  ["non-root", NONROOT, CRIO, "bind-privileged-port", "blocked"],
  ["non-root + add NET_BIND_SERVICE", NONROOT_DROP_ALL_BIND, CTRD17, "bind-privileged-port", "blocked"],
  ["non-root + add NET_BIND_SERVICE", NONROOT_DROP_ALL_BIND, CTRD2, "bind-privileged-port", "allowed"],
  ["non-root + add NET_BIND_SERVICE", NONROOT_DROP_ALL_BIND, CRIO, "bind-privileged-port", "blocked"],
  ["root drop ALL", DROP_ALL, CTRD17, "bind-privileged-port", "blocked"],
  ["root drop ALL", DROP_ALL, CTRD2, "bind-privileged-port", "allowed"],
  ["hostNetwork non-root", { ...HOSTNET, ...NONROOT }, CTRD2, "bind-privileged-port", "blocked"],
  // ping — NET_RAW (containerd default) or the ping_group_range containerd 2.x sets
  ["root", ROOT, CTRD17, "ping", "allowed"],
  ["root", ROOT, CRIO, "ping", "blocked"],
  ["root drop ALL", DROP_ALL, CTRD17, "ping", "blocked"],
  ["root drop ALL", DROP_ALL, CTRD2, "ping", "allowed"],
  ["non-root", NONROOT, CTRD2, "ping", "allowed"],
  ["non-root", NONROOT, CRIO, "ping", "blocked"],
  ["hostNetwork non-root", { ...HOSTNET, ...NONROOT }, CTRD2, "ping", "depends"],
  ["privileged", PRIV, CRIO, "ping", "allowed"],
  // raw sockets
  ["root", ROOT, CTRD2, "raw-socket", "allowed"],
  ["root", ROOT, CRIO, "raw-socket", "blocked"],
  ["non-root", NONROOT, CTRD2, "raw-socket", "blocked"],
  ["privileged", PRIV, CRIO, "raw-socket", "allowed"],
  // DAC and chown
  ["root", ROOT, CRIO, "chown-others-file", "allowed"],
  ["root drop ALL", DROP_ALL, CRIO, "chown-others-file", "blocked"],
  ["non-root", NONROOT, CTRD17, "chown-others-file", "blocked"],
  ["root", ROOT, CTRD2, "read-others-file", "allowed"],
  ["root drop ALL", DROP_ALL, CTRD2, "read-others-file", "blocked"],
  ["non-root", NONROOT, CRIO, "read-others-file", "blocked"],
  // the root filesystem
  ["root", ROOT, CTRD2, "write-root-filesystem", "allowed"],
  ["non-root", NONROOT, CTRD2, "write-root-filesystem", "depends"],
  ["read-only", RO, CRIO, "write-root-filesystem", "blocked"],
  // escalation
  ["root", ROOT, CTRD2, "setuid-to-root", "allowed"],
  ["non-root", NONROOT, CTRD2, "setuid-to-root", "depends"],
  ["no_new_privs", NNP, CTRD17, "setuid-to-root", "blocked"],
  ["non-root", NONROOT, CRIO, "file-capabilities", "depends"],
  ["no_new_privs", NNP, CRIO, "file-capabilities", "blocked"],
  ["non-root drop ALL", { podSc: "{runAsUser: 1000}", sc: "{capabilities: {drop: [ALL]}}" }, CTRD2, "file-capabilities", "blocked"],
  // kernel-wide capabilities under seccomp
  ["root", ROOT, CTRD2, "set-system-clock", "blocked"],
  ["privileged", PRIV, CTRD17, "set-system-clock", "allowed"],
  ["RuntimeDefault + SYS_TIME", RD_SYSADMIN, CTRD2, "set-system-clock", "allowed"],
  ["privileged", PRIV, CRIO, "load-kernel-module", "allowed"],
  ["root drop ALL", DROP_ALL, CRIO, "load-kernel-module", "blocked"],
  ["root", ROOT, CTRD2, "mount-filesystem", "blocked"],
  ["privileged", PRIV, CTRD2, "mount-filesystem", "allowed"],
  ["RuntimeDefault + SYS_ADMIN (AppArmor default)", RD_SYSADMIN, CTRD2, "mount-filesystem", "depends"],
  // user namespaces: containerd's and CRI-O's RuntimeDefault vs Unconfined
  ["Unconfined", ROOT, CTRD2, "create-user-namespace", "allowed"],
  ["RuntimeDefault", RD, CTRD2, "create-user-namespace", "blocked"],
  ["RuntimeDefault", RD, CTRD17, "create-user-namespace", "blocked"],
  ["RuntimeDefault", RD, CRIO, "create-user-namespace", "blocked"],
  ["RuntimeDefault (clone not filtered)", RD, CRIO128, "create-user-namespace", "allowed"],
  ["RuntimeDefault + SYS_ADMIN", RD_SYSADMIN, CTRD2, "create-user-namespace", "allowed"],
  // ptrace and namespaces
  ["own PID namespace", ROOT, CTRD2, "ptrace-other-process", "blocked"],
  ["shareProcessNamespace, Yama 1", SHARED, CTRD2, "ptrace-other-process", "blocked"],
  ["shareProcessNamespace + SYS_PTRACE", SHARED_PTRACE, CRIO, "ptrace-other-process", "allowed"],
  ["hostPID", HOSTPID, CTRD2, "see-host-processes", "allowed"],
  ["no hostPID", ROOT, CTRD2, "see-host-processes", "blocked"],
  ["hostNetwork", HOSTNET, CRIO, "host-network", "allowed"],
  ["no hostNetwork", ROOT, CRIO, "host-network", "blocked"],
  ["privileged", PRIV, CTRD2, "read-host-files", "allowed"],
  ["root", ROOT, CTRD2, "read-host-files", "blocked"],
  // masked and read-only /proc
  ["root", ROOT, CTRD2, "read-masked-proc", "blocked"],
  ["privileged", PRIV, CTRD2, "read-masked-proc", "allowed"],
  ["root", ROOT, CRIO, "write-proc-sys", "blocked"],
  ["privileged", PRIV, CRIO, "write-proc-sys", "allowed"],
  // mknod
  ["root", ROOT, CTRD2, "create-device-nodes", "allowed"],
  ["root", ROOT, CRIO, "create-device-nodes", "blocked"],
  ["root drop ALL", DROP_ALL, CTRD17, "create-device-nodes", "blocked"],
  // keyctl / bpf / perf_event_open
  ["Unconfined", ROOT, CTRD2, "kernel-keyring-bpf-perf", "allowed"],
  ["RuntimeDefault", RD, CTRD2, "kernel-keyring-bpf-perf", "blocked"],
  ["RuntimeDefault", RD, CTRD17, "kernel-keyring-bpf-perf", "blocked"],
  ["RuntimeDefault", RD, CRIO, "kernel-keyring-bpf-perf", "allowed"],
  ["RuntimeDefault + SYS_ADMIN", RD_SYSADMIN, CTRD2, "kernel-keyring-bpf-perf", "allowed"],
];

describe("actions × runtimes", () => {
  it.each(TABLE)("%s on %o: %s → %s", (_name, shape, runtime, id, verdict) => {
    const a = actionsOf(pod(shape), runtime).get(id);
    expect(a, id).toBeDefined();
    expect(a!.verdict, a!.rule).toBe(verdict);
  });

  it("every catalogue action is tested in the table, under containerd 1.7, containerd 2.x and CRI-O overall", () => {
    for (const spec of ACTIONS.filter((s) => s.id !== "write-volume")) {
      const rows = TABLE.filter((r) => r[3] === spec.id);
      expect(rows.length, spec.id).toBeGreaterThan(1);
    }
    for (const r of [CTRD17, CTRD2, CRIO]) expect(TABLE.some((row) => row[2] === r)).toBe(true);
  });

  it.each([CTRD17, CTRD2, CRIO])("every verdict cites a file and a function (%o)", (runtime) => {
    for (const shape of [ROOT, NONROOT, PRIV, DROP_ALL, RD, HOSTPID, HOSTNET]) {
      for (const a of actionsOf(pod(shape), runtime).values()) {
        expect(a.source, a.id).toMatch(/[\w/]+\.(go|c) \w+|man-pages \w+\(\d\)/);
        expect(a.rule.length, a.id).toBeGreaterThan(10);
        expect(a.fields.length, a.id).toBeGreaterThan(0);
        expect(["allowed", "blocked", "depends"]).toContain(a.verdict);
      }
    }
  });

  it("RuntimeDefault verdicts cite the runtime's profile for that line", () => {
    expect(actionsOf(pod(RD), CTRD2).get("create-user-namespace")!.source).toContain("contrib/seccomp/seccomp_default.go DefaultProfile (v2.1.9)");
    expect(actionsOf(pod(RD), CRIO).get("create-user-namespace")!.source).toContain("internal/config/seccomp/seccomp.go DefaultProfile (v1.33.13)");
    expect(actionsOf(pod(NONROOT), CTRD2).get("bind-privileged-port")!.source).toContain("internal/cri/config/config_unix.go DefaultRuntimeConfig (v2.1.9)");
  });
});

describe("node assumptions", () => {
  it("ptrace_scope 0: a same-uid container can be attached without SYS_PTRACE; 3: nobody", () => {
    const text = pod({ ...SHARED, podSc: "{runAsUser: 1000}" });
    expect(actionsOf(text, { ...CTRD2, node: { ptraceScope: 0 } }).get("ptrace-other-process")!.verdict).toBe("allowed");
    expect(actionsOf(text, { ...CTRD2, node: { ptraceScope: 1 } }).get("ptrace-other-process")!.verdict).toBe("blocked");
    expect(actionsOf(pod(SHARED_PTRACE), { ...CTRD2, node: { ptraceScope: 3 } }).get("ptrace-other-process")!.verdict).toBe("blocked");
    expect(actionsOf(text, CTRD2).get("ptrace-other-process")!.assumptions).toEqual(["Yama kernel.yama.ptrace_scope = 1"]);
  });

  it("unprivileged user namespaces refused by the node: unshare -U fails without SYS_ADMIN", () => {
    expect(actionsOf(pod(ROOT), { ...CTRD2, node: { unprivilegedUserns: false } }).get("create-user-namespace")!.verdict).toBe("blocked");
    expect(actionsOf(pod(ROOT), { ...CTRD2, node: { unprivilegedUserns: true } }).get("create-user-namespace")!.verdict).toBe("allowed");
  });

  it("--seccomp-default makes an unset profile RuntimeDefault", () => {
    expect(actionsOf(pod(ROOT), { ...CTRD2, seccompDefault: true }).get("create-user-namespace")!.verdict).toBe("blocked");
  });
});

describe("volumes: one write-volume:<name> per mounted volume", () => {
  const volumes = "[{name: tmp, emptyDir: {}}, {name: cfg, configMap: {name: c}}, {name: data, persistentVolumeClaim: {claimName: d}}, {name: host, hostPath: {path: /etc}}]";
  const mounts = "[{name: tmp, mountPath: /tmp}, {name: cfg, mountPath: /cfg}, {name: data, mountPath: /data}, {name: host, mountPath: /host, readOnly: true}]";
  it.each([
    [{ podSc: "{runAsUser: 1000}" }, { tmp: "allowed", cfg: "blocked", data: "depends", host: "blocked" }],
    [{ podSc: "{runAsUser: 1000, fsGroup: 2000}" }, { tmp: "allowed", cfg: "blocked", data: "depends", host: "blocked" }],
    [{}, { tmp: "allowed", cfg: "blocked", data: "allowed", host: "blocked" }],
  ])("%o", (shape, want) => {
    const a = actionsOf(pod({ ...shape, volumes, mounts }), CTRD2);
    for (const [name, verdict] of Object.entries(want)) expect(a.get(`write-volume:${name}`)!.verdict, name).toBe(verdict);
    expect(a.get("read-host-files")!.verdict).toBe(Object.keys(shape).length ? "depends" : "allowed");
  });
});

describe("what-if edits flip the verdict", () => {
  it.each([
    [ROOT, CTRD17, "raw-socket"],
    [ROOT, CTRD17, "ping"],
    [ROOT, CTRD2, "chown-others-file"],
    [NONROOT, CTRD2, "setuid-to-root"],
    [ROOT, CTRD2, "write-root-filesystem"],
    [HOSTPID, CTRD2, "see-host-processes"],
    [NONROOT, CTRD17, "bind-privileged-port"],
    [DROP_ALL, CRIO, "chown-others-file"],
  ] as const)("%o %o %s", async (shape, runtime, id) => {
    const { fixEdit, targetOf } = await import("../fixes");
    const text = pod(shape);
    const w = analyze(text, runtime).workloads[0];
    const before = w.containers[0].actions!.find((a) => a.id === id)!;
    expect(before.whatIf, id).toBeDefined();
    const edit = fixEdit(text, targetOf(w), { check: "what-if", description: before.whatIf!.label, edits: before.whatIf!.edits.map((e) => ({ path: e.path, value: e.value })) })!;
    const after = actionsOf(text.slice(0, edit.start) + edit.text + text.slice(edit.end), runtime).get(id)!;
    expect(after.verdict).not.toBe(before.verdict);
  });
});

describe("the seed's golden-standard pod and its NET_BIND_SERVICE snippet", () => {
  const GOLDEN = [
    "apiVersion: v1",
    "kind: Pod",
    "metadata:",
    "  name: secure-app",
    "spec:",
    "  securityContext:",
    "    fsGroup: 2000",
    "    runAsUser: 1000",
    "    runAsGroup: 3000",
    "  containers:",
    "  - name: my-app",
    "    image: my-app:v1",
    "    securityContext:",
    "      runAsNonRoot: true",
    "      allowPrivilegeEscalation: false",
    "      readOnlyRootFilesystem: true",
    "      capabilities:",
    '        drop: ["ALL"]',
    '        add: ["NET_BIND_SERVICE"]',
    "    volumeMounts:",
    "    - name: tmp",
    "      mountPath: /tmp",
    "  volumes:",
    "  - name: tmp",
    "    emptyDir: {}",
    "",
  ].join("\n");

  it.each([
    [CTRD17, "blocked", /NET_BIND_SERVICE is only in the bounding set/],
    [CTRD2, "allowed", /containerd 2\.1 sets net\.ipv4\.ip_unprivileged_port_start=0/],
    [{ runtime: "containerd" as const, runtimeVersion: "2.3" }, "allowed", /containerd 2\.3 sets/],
    [CRIO, "blocked", /NET_BIND_SERVICE is only in the bounding set/],
  ])("uid 1000 binding :80 on %o: %s, with the reason", (runtime, verdict, why) => {
    const a = actionsOf(GOLDEN, runtime);
    const bind = a.get("bind-privileged-port")!;
    expect(bind.verdict).toBe(verdict);
    expect(bind.rule).toMatch(why);
    expect(a.get("write-root-filesystem")!.verdict).toBe("blocked");
    expect(a.get("write-volume:tmp")!.verdict).toBe("allowed");
    expect(a.get("setuid-to-root")!.verdict).toBe("blocked");
  });

  it("a Windows pod has no actions", () => {
    const text = pod({ spec: "os: {name: windows}" });
    expect(analyze(text).workloads[0].containers[0].actions ?? []).toEqual([]);
  });
});

describe("the compare view lists changed actions", () => {
  it("dropping CHOWN: can no longer chown files", async () => {
    const { diffAnalyses } = await import("../report/diff");
    const before = analyze(pod(ROOT), CTRD2);
    const after = analyze(pod({ sc: "{capabilities: {drop: [CHOWN]}}" }), CTRD2);
    const change = diffAnalyses(before, after).find((c) => c.what === "can it: Chown a file it does not own");
    expect(change).toMatchObject({ container: "app", before: "allowed" });
    expect(change!.after).toMatch(/^blocked — Changing a file's owner needs CHOWN/);
  });
});
