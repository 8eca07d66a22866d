import { describe, expect, it } from "vitest";
import { EFFECTIVE_FIELDS } from "../types";
import {
  FIELDS,
  GATES,
  POD_SETTINGS,
  POD_SETTINGS_SPECS,
  effectiveSpec,
  fieldSpec,
  fieldsAt,
  minorNumber,
  podSettingSpec,
  stageAt,
  type CatalogueEntry,
  type FieldSpec,
  type GateHistory,
} from "./fields";
import { FIELD_PROSE, entryProse, proseOf } from "./fieldProse";

// The fields of PodSecurityContext and SecurityContext in k8s.io/api core/v1/types.go at the 1.37
// code freeze (kubernetes/api HEAD 10b39a39b), in declaration order.
const POD_SECURITY_CONTEXT_1_37 = [
  "seLinuxOptions", "windowsOptions", "runAsUser", "runAsGroup", "runAsNonRoot", "supplementalGroups",
  "supplementalGroupsPolicy", "fsGroup", "sysctls", "fsGroupChangePolicy", "seccompProfile", "appArmorProfile",
  "seLinuxChangePolicy",
];
const SECURITY_CONTEXT_1_37 = [
  "capabilities", "privileged", "seLinuxOptions", "windowsOptions", "runAsUser", "runAsGroup", "runAsNonRoot",
  "readOnlyRootFilesystem", "allowPrivilegeEscalation", "procMount", "seccompProfile", "appArmorProfile",
];

const ALL_ENTRIES: CatalogueEntry[] = [...FIELDS, ...POD_SETTINGS_SPECS];

describe("catalogue completeness", () => {
  it("has exactly the PodSecurityContext fields of 1.37 at pod level", () => {
    expect(fieldsAt("pod").sort()).toEqual([...POD_SECURITY_CONTEXT_1_37].sort());
  });

  it("has exactly the SecurityContext fields of 1.37 at container level", () => {
    expect(fieldsAt("container").sort()).toEqual([...SECURITY_CONTEXT_1_37].sort());
  });

  it("has every EFFECTIVE_FIELDS name, and nothing the contract does not list", () => {
    for (const name of EFFECTIVE_FIELDS) expect(fieldSpec(name), name).toBeDefined();
    expect(FIELDS.map((f) => f.name).sort()).toEqual([...EFFECTIVE_FIELDS].sort());
  });

  it("has no duplicate names", () => {
    expect(new Set(FIELDS.map((f) => f.name)).size).toBe(FIELDS.length);
    expect(new Set(POD_SETTINGS_SPECS.map((f) => f.name)).size).toBe(POD_SETTINGS_SPECS.length);
  });

  it("has the prose of every entry under its name, and no other prose", () => {
    // One record holds the prose of fields and pod settings: their names must not collide.
    const names = ALL_ENTRIES.map((e) => e.name);
    expect(new Set(names).size).toBe(names.length);
    expect(Object.keys(FIELD_PROSE).sort()).toEqual([...names].sort());
    expect(proseOf("runAsUsr")).toBeUndefined();
    expect(proseOf("toString")).toBeUndefined();
  });

  it("documents every POD_SETTINGS name, and os.name", () => {
    for (const name of POD_SETTINGS) expect(podSettingSpec(name), name).toBeDefined();
    expect(podSettingSpec("os.name")?.enum).toEqual(["linux", "windows"]);
  });
});

describe.each(ALL_ENTRIES.map((e) => [e.name, e] as const))("%s", (_name, e) => {
  const prose = entryProse(e);
  it("has non-empty summary, unset, kernel, attacker, mistakes, sources and references", () => {
    for (const key of ["summary", "unset", "kernel", "attacker", "upstream"] as const) {
      expect(typeof prose[key], key).toBe("string");
      expect(prose[key].trim().length, key).toBeGreaterThan(0);
    }
    expect(prose.mistakes.length).toBeGreaterThan(0);
    for (const m of prose.mistakes) expect(m.trim().length).toBeGreaterThan(0);
    expect(prose.sources.length).toBeGreaterThan(0);
    expect(prose.references.length).toBeGreaterThan(0);
  });

  it("has https references with titles, and at least one upstream source", () => {
    for (const r of prose.references) {
      expect(r.title.length).toBeGreaterThan(0);
      expect(r.url).toMatch(/^https:\/\//);
    }
    expect(prose.sources.some((s) => /^(kubernetes|containerd|cri-o|opencontainers)\//.test(s) || /kubernetes\/api|kubernetes\/website/.test(s))).toBe(true);
  });

  it("names a version or says why it cannot", () => {
    expect(e.added !== undefined || prose.addedNote !== undefined).toBe(true);
    if (e.added) expect(minorNumber(e.added)).toBeDefined();
    if (e.ga) expect(minorNumber(e.ga)).toBeDefined();
    if (e.added && e.ga) expect(minorNumber(e.added)!).toBeLessThanOrEqual(minorNumber(e.ga)!);
  });

  it("agrees with its feature gate's history", () => {
    if (!e.featureGate) return;
    const gate = e.gates?.find((g) => g.gate === e.featureGate);
    expect(gate, `gates lists ${e.featureGate}`).toBeDefined();
    if (gate!.ga) expect(e.ga).toBe(gate!.ga);
    if (gate!.betaDefaultOn) expect(e.betaDefaultOn).toBe(gate!.betaDefaultOn);
  });

  it("keeps sub-field enums consistent with the field's enum", () => {
    const typeField = e.fields?.find((f) => f.name === "type" && f.enum);
    if (typeField && e.enum) expect([...typeField.enum!]).toEqual([...e.enum]);
  });
});

describe("feature gates", () => {
  it.each((Object.values(GATES) as GateHistory[]).map((g) => [g.gate, g] as const))("%s: stages are in order and sourced", (_n, g) => {
    const order = [g.alpha, g.beta, g.betaDefaultOn, g.ga].filter((v): v is string => v !== undefined).map((v) => minorNumber(v)!);
    expect(order.every((v) => v !== undefined)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(g.source.length).toBeGreaterThan(0);
  });

  it("records the graduations after 1.35 read from the KEPs and k8s.io/api", () => {
    expect(GATES.UserNamespacesSupport.ga).toBe("1.36");
    expect(GATES.ProcMountType.ga).toBe("1.36");
    expect(GATES.SELinuxChangePolicy.ga).toBe("1.36");
    expect(GATES.SELinuxMount.ga).toBe("1.37");
    expect(GATES.SupplementalGroupsPolicy.ga).toBe("1.35");
  });
});

describe("merge rules (pkg/securitycontext/util.go, kuberuntime helpers.go)", () => {
  const expected: Record<FieldSpec["merge"], string[]> = {
    "container-wins": ["container", "pod"],
    "per-subfield": ["container", "pod"],
    "container-only": ["container"],
    "pod-only": ["pod"],
  };

  it.each(FIELDS.map((f) => [f.name, f] as const))("%s: levels agree with the merge rule", (_n, f) => {
    expect([...f.levels].sort()).toEqual(expected[f.merge]);
  });

  it("has the kubelet's inheritance: only these pod fields reach a container through the merge", () => {
    const inherited = FIELDS.filter((f) => f.merge === "container-wins" || f.merge === "per-subfield").map((f) => f.name).sort();
    // securityContextFromPodSecurityContext: seLinuxOptions, windowsOptions, runAsUser, runAsGroup, runAsNonRoot;
    // getSeccompProfile / getAppArmorProfile: seccompProfile, appArmorProfile.
    expect(inherited).toEqual(["appArmorProfile", "runAsGroup", "runAsNonRoot", "runAsUser", "seLinuxOptions", "seccompProfile", "windowsOptions"]);
    expect(fieldSpec("windowsOptions")!.merge).toBe("per-subfield");
  });
});

describe("lookups used by the resolver", () => {
  it("effectiveSpec returns every contract field and throws on others", () => {
    for (const name of EFFECTIVE_FIELDS) expect(effectiveSpec(name).name).toBe(name);
    expect(() => effectiveSpec("nope" as never)).toThrow();
  });
});

describe("stageAt", () => {
  const at = (name: string, minor: number) => stageAt(fieldSpec(name) ?? podSettingSpec(name)!, minor);

  it("follows a gate through alpha, beta off, beta on and GA (procMount)", () => {
    expect(at("procMount", 30)).toEqual({ present: true, stage: "alpha", onByDefault: false });
    expect(at("procMount", 31)).toEqual({ present: true, stage: "beta", onByDefault: false });
    expect(at("procMount", 33)).toEqual({ present: true, stage: "beta", onByDefault: true });
    expect(at("procMount", 36)).toEqual({ present: true, stage: "ga", onByDefault: true });
  });

  it("knows when a field does not exist yet", () => {
    expect(at("supplementalGroupsPolicy", 30).present).toBe(false);
    expect(at("seLinuxChangePolicy", 31).present).toBe(false);
    expect(at("appArmorProfile", 29).present).toBe(false);
    expect(at("appArmorProfile", 30)).toEqual({ present: true, stage: "beta", onByDefault: true });
  });

  it("treats ungated v1 fields as GA", () => {
    expect(at("runAsUser", 23)).toEqual({ present: true, stage: "ga", onByDefault: true });
    expect(at("fsGroup", 23)).toEqual({ present: true, stage: "ga", onByDefault: true });
  });

  it("covers pod settings (hostUsers)", () => {
    expect(at("hostUsers", 24).present).toBe(false);
    expect(at("hostUsers", 30)).toEqual({ present: true, stage: "beta", onByDefault: false });
    expect(at("hostUsers", 33)).toEqual({ present: true, stage: "beta", onByDefault: true });
    expect(at("hostUsers", 37)).toEqual({ present: true, stage: "ga", onByDefault: true });
  });
});

describe("corrections the seeds need", () => {
  it("fsGroup: not every volume type, never hostPath", () => {
    expect(proseOf("fsGroup").seeds).toMatch(/hostPath/);
  });
  it("runAsNonRoot: runAsUser first, then the image's USER; a non-numeric USER fails", () => {
    expect(proseOf("runAsNonRoot").seeds).toMatch(/runAsUser first/);
    expect(proseOf("runAsNonRoot").seeds).toMatch(/non-numeric/);
  });
  it("capabilities: add for a non-root uid reaches only the bounding set", () => {
    expect(proseOf("capabilities").seeds).toMatch(/bounding set/);
    expect(proseOf("capabilities").mistakes.join(" ")).toMatch(/NET_BIND_SERVICE/);
  });
  it("readOnlyRootFilesystem: needs an emptyDir for /tmp", () => {
    expect(proseOf("readOnlyRootFilesystem").mistakes.join(" ")).toMatch(/emptyDir/);
  });
});

describe("unset values match the upstream doc comments", () => {
  it.each([
    ["privileged", /^false/],
    ["allowPrivilegeEscalation", /^true/],
    ["readOnlyRootFilesystem", /^false/],
    ["procMount", /^Default/],
    ["fsGroupChangePolicy", /^Always/],
    ["supplementalGroupsPolicy", /^Merge/],
    ["seLinuxChangePolicy", /^MountOption/],
    ["seccompProfile", /^Unconfined/],
    ["runAsNonRoot", /^No check/],
  ])("%s", (name, pattern) => {
    expect(proseOf(name)!.unset).toMatch(pattern);
  });
});
