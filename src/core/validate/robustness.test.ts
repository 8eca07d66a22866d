import { describe, expect, it } from "vitest";
import { contextFor, runChecks, validateWorkload } from "./index";
import type { ValidationTarget } from "./findings";
import { findingsOf } from "./testHelpers";

/** Runs the checks unguarded: a throw fails the test. */
function run(t: ValidationTarget) {
  const ctx = contextFor(t);
  runChecks(ctx, t);
  return ctx.findings;
}

const target = (object: unknown, spec: unknown, kind = "Pod", minor = 37): ValidationTarget => ({
  kind,
  object,
  objectPath: "",
  spec: spec as Record<string, unknown>,
  specPath: "spec",
  minor,
});

// Values that may appear anywhere in a half-written manifest.
const WEIRD: unknown[] = [
  null,
  undefined,
  "",
  "x",
  "1000",
  0,
  -1,
  1.5,
  1e20,
  -0,
  NaN,
  Infinity,
  2 ** 63,
  true,
  false,
  [],
  [null],
  ["a", 1, null, {}, []],
  {},
  JSON.parse('{"__proto__": {"polluted": true}, "constructor": {"prototype": 1}, "toString": 3, "hasOwnProperty": null}'),
  { type: "Localhost" },
  { name: 5, value: [] },
];

/** A deterministic PRNG (mulberry32), so a failure can be reproduced. */
function rng(seed: number) {
  let a = seed;
  return () => {
    a |= 0;
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SC_KEYS = [
  "runAsUser", "runAsGroup", "runAsNonRoot", "privileged", "allowPrivilegeEscalation", "readOnlyRootFilesystem", "capabilities", "procMount",
  "seccompProfile", "appArmorProfile", "seLinuxOptions", "windowsOptions", "fsGroup", "fsGroupChangePolicy", "supplementalGroups",
  "supplementalGroupsPolicy", "sysctls", "seLinuxChangePolicy", "__proto__", "constructor",
];
const SPEC_KEYS = ["containers", "initContainers", "ephemeralContainers", "securityContext", "hostNetwork", "hostPID", "hostIPC", "hostUsers", "shareProcessNamespace", "os", "volumes", "constructor"];
const SUB_KEYS = ["type", "localhostProfile", "add", "drop", "hostProcess", "runAsUserName", "gmsaCredentialSpec", "gmsaCredentialSpecName", "name", "value"];

function randomValue(r: () => number, depth: number): unknown {
  const pick = r();
  if (depth > 3 || pick < 0.5) return WEIRD[Math.floor(r() * WEIRD.length)];
  if (pick < 0.75) return Array.from({ length: Math.floor(r() * 4) }, () => randomValue(r, depth + 1));
  const o: Record<string, unknown> = {};
  const keys = [...SC_KEYS, ...SUB_KEYS];
  for (let i = Math.floor(r() * 5); i > 0; i--) {
    Object.defineProperty(o, keys[Math.floor(r() * keys.length)], { value: randomValue(r, depth + 1), enumerable: true, writable: true, configurable: true });
  }
  return o;
}

describe("never throws (any value may be wrong-typed)", () => {
  it("on non-object objects and specs", () => {
    for (const w of WEIRD) {
      expect(() => run(target(w, w))).not.toThrow();
      expect(() => run(target({ spec: w }, w))).not.toThrow();
      expect(() => run(target(w, {}, "Deployment"))).not.toThrow();
      expect(() => validateWorkload(target(w, w, "Unknown"))).not.toThrow();
    }
  });

  it("on every weird value at every security field, container field and pod spec field", () => {
    for (const w of WEIRD) {
      for (const k of SC_KEYS) {
        const sc = { [k]: w, seccompProfile: { type: w, localhostProfile: w }, appArmorProfile: { type: "Localhost", localhostProfile: w }, windowsOptions: { runAsUserName: w, hostProcess: w }, capabilities: { add: [w, "CAP_SYS_ADMIN"] }, allowPrivilegeEscalation: false, sysctls: [w, { name: w }] };
        const spec = { securityContext: sc, os: { name: w }, hostUsers: w, containers: [{ name: w, image: w, securityContext: sc }, w], initContainers: w, ephemeralContainers: [{ name: "e", targetContainerName: w, ports: w }] };
        expect(() => run(target({ apiVersion: "v1", kind: "Pod", metadata: { annotations: w }, spec }, spec))).not.toThrow();
      }
      for (const k of SPEC_KEYS) {
        const spec = { [k]: w };
        expect(() => run(target({ kind: "Pod", spec }, spec))).not.toThrow();
      }
    }
  });

  it("on 2000 random manifests, at several versions", () => {
    const r = rng(20240601);
    for (let i = 0; i < 2000; i++) {
      const spec: Record<string, unknown> = {};
      for (const k of SPEC_KEYS) if (r() < 0.5) spec[k] = randomValue(r, 0);
      if (r() < 0.7) spec.containers = Array.from({ length: 1 + Math.floor(r() * 3) }, () => ({ name: randomValue(r, 2), image: "x", securityContext: randomValue(r, 1) }));
      if (r() < 0.7) spec.securityContext = randomValue(r, 1);
      const minor = 23 + Math.floor(r() * 15);
      const object = { apiVersion: "apps/v1", kind: "Deployment", metadata: randomValue(r, 2), spec: { template: { metadata: randomValue(r, 2), spec } } };
      const t: ValidationTarget = { kind: "Deployment", object, objectPath: r() < 0.5 ? "" : "items[3]", spec, specPath: "spec.template.spec", minor };
      expect(() => run(t)).not.toThrow();
    }
    // Not a timing test: 2000 manifests take 5–10 s on a loaded 2-core machine, past vitest's default.
  }, 60_000);

  it("on odd minor versions and missing paths", () => {
    for (const minor of [0, 22, 38, 99, NaN]) {
      expect(() => run({ kind: "Pod", object: { spec: {} }, objectPath: "", spec: {}, specPath: "spec", minor })).not.toThrow();
    }
    expect(() => run({ kind: "Pod", object: {}, objectPath: undefined as unknown as string, spec: {}, specPath: undefined as unknown as string, minor: 37 })).not.toThrow();
  });

  it("on ids as text (1.5, 1e20, .inf) in YAML", () => {
    for (const v of ["1.5", "1e20", ".inf", "-.inf", "0o777", "99999999999999999999999", "'1000'", "[1]", "{a: 1}", "~"]) {
      expect(() => findingsOf(`kind: Pod\nspec:\n  securityContext:\n    runAsUser: ${v}\n    supplementalGroups: [${v}]\n  containers:\n  - name: a\n    image: x\n    securityContext:\n      runAsUser: ${v}\n`)).not.toThrow();
    }
  });

  it("handles a large pod without trouble", () => {
    const containers = Array.from({ length: 2000 }, (_, i) => ({ name: `c${i % 1000}`, image: "x", securityContext: { runAsUser: -i, capabilities: { add: ["CAP_SYS_ADMIN"] }, allowPrivilegeEscalation: false } }));
    const spec = { containers };
    const fs = run(target({ kind: "Pod", spec }, spec));
    expect(fs.filter((f) => f.code === "duplicate-value")).toHaveLength(1000);
  });
});
