import { describe, expect, it } from "vitest";
import type { EffectiveField } from "../types";
import { formatPod, goQuote, verifyStartup, type Startup } from "./startup";
import { effective } from "./test-fixture";

interface Case {
  name: string;
  rule: string;
  set?: Partial<Record<EffectiveField, unknown>>;
  level?: "pod" | "container";
  imageUser?: number | string;
  namespace?: string;
  expect: Startup;
}

const R = "CreateContainerConfigError";
const POD = '(pod: "web_default()", container: app)';

// kubernetes pkg/kubelet/kuberuntime/security_context_others.go verifyRunAsNonRoot; the error becomes
// reason CreateContainerConfigError in kuberuntime_container.go startContainer.
const cases: Case[] = [
  {
    name: "runAsUser 0 + runAsNonRoot",
    rule: "verifyRunAsNonRoot: *RunAsUser == 0",
    set: { runAsNonRoot: true, runAsUser: 0 },
    expect: { ok: false, reason: R, message: `container's runAsUser breaks non-root policy ${POD}` },
  },
  {
    name: "runAsUser 0 + runAsNonRoot, both at pod level",
    rule: "DetermineEffectiveSecurityContext takes both from the pod",
    set: { runAsNonRoot: true, runAsUser: 0 },
    level: "pod",
    expect: { ok: false, reason: R, message: `container's runAsUser breaks non-root policy ${POD}` },
  },
  {
    name: "image root + runAsNonRoot",
    rule: "verifyRunAsNonRoot: image uid 0",
    set: { runAsNonRoot: true },
    imageUser: 0,
    expect: { ok: false, reason: R, message: `container has runAsNonRoot and image will run as root ${POD}` },
  },
  {
    name: 'image with no USER ("") + runAsNonRoot',
    rule: "getImageUser: neither uid nor name → treated as root",
    set: { runAsNonRoot: true },
    imageUser: "",
    expect: { ok: false, reason: R, message: `container has runAsNonRoot and image will run as root ${POD}` },
  },
  {
    name: 'image USER "0:0" + runAsNonRoot',
    rule: "getUserFromImage keeps the part before ':'",
    set: { runAsNonRoot: true },
    imageUser: "0:0",
    expect: { ok: false, reason: R, message: `container has runAsNonRoot and image will run as root ${POD}` },
  },
  {
    name: "image user name + runAsNonRoot",
    rule: "verifyRunAsNonRoot: uid == nil && len(username) > 0",
    set: { runAsNonRoot: true },
    imageUser: "nginx",
    expect: {
      ok: false,
      reason: R,
      message: `container has runAsNonRoot and image has non-numeric user (nginx), cannot verify user is non-root ${POD}`,
    },
  },
  {
    name: "image uid out of range + runAsNonRoot",
    rule: "verifyRunAsNonRoot: validation.IsValidUserID",
    set: { runAsNonRoot: true },
    imageUser: "4294967295",
    expect: {
      ok: false,
      reason: R,
      message: `container has runAsNonRoot and image has an invalid user id (4294967295). (Must be 1-(2147483647)): must be between 0 and 2147483647, inclusive ${POD}`,
    },
  },
  {
    name: "runAsUser 1000 + runAsNonRoot",
    rule: "verifyRunAsNonRoot: RunAsUser set and not 0",
    set: { runAsNonRoot: true, runAsUser: 1000 },
    expect: { ok: true },
  },
  {
    name: "runAsUser 1000 beats an image user name",
    rule: "verifyRunAsNonRoot checks RunAsUser before the image",
    set: { runAsNonRoot: true, runAsUser: 1000 },
    imageUser: "nginx",
    expect: { ok: true },
  },
  {
    name: "image uid 1000 + runAsNonRoot",
    rule: "verifyRunAsNonRoot: valid non-zero image uid",
    set: { runAsNonRoot: true },
    imageUser: 1000,
    expect: { ok: true },
  },
  {
    name: "runAsNonRoot false, root",
    rule: "verifyRunAsNonRoot: !*RunAsNonRoot → nil",
    set: { runAsNonRoot: false, runAsUser: 0 },
    expect: { ok: true },
  },
  {
    name: "runAsNonRoot unset, root",
    rule: "verifyRunAsNonRoot: RunAsNonRoot == nil → nil",
    expect: { ok: true },
  },
  {
    name: "namespace given",
    rule: "format.Pod: name_namespace(uid)",
    set: { runAsNonRoot: true },
    namespace: "prod",
    expect: { ok: false, reason: R, message: 'container has runAsNonRoot and image will run as root (pod: "web_prod()", container: app)' },
  },
];

describe("verifyStartup", () => {
  it.each(cases)("$name ($rule)", (c) => {
    const got = verifyStartup({
      effective: effective(c.set ?? {}, c.level),
      imageUser: c.imageUser ?? 0,
      podName: "web",
      namespace: c.namespace,
      containerName: "app",
    });
    // `source` names the upstream check (additive); the contract's fields must match exactly.
    const { source, ...rest } = got;
    expect(rest).toEqual(c.expect);
    if (!got.ok) expect(source).toContain("verifyRunAsNonRoot");
  });

  it("a runAsUser that only echoes the image (source image) is not the manifest's", () => {
    const eff = effective({ runAsNonRoot: true });
    eff.runAsUser = { value: 0, source: "image" };
    expect(verifyStartup({ effective: eff, imageUser: 1000, podName: "web", containerName: "app" })).toEqual({ ok: true });
  });

  it("never throws on wrong types", () => {
    expect(() => verifyStartup({ effective: undefined as never, imageUser: undefined as never, podName: undefined as never, containerName: undefined as never })).not.toThrow();
    const r = verifyStartup({ effective: effective({ runAsNonRoot: true, runAsUser: "0" }), imageUser: 5, podName: "w", containerName: "c" });
    expect(r).toEqual({ ok: true });
  });
});

describe("format.Pod and Go %q", () => {
  it("renders name_namespace(uid)", () => {
    expect(formatPod("web", undefined)).toBe("web_default()");
    expect(formatPod("web", "", "")).toBe("web_default()");
    expect(formatPod("web", "ns", "1234")).toBe("web_ns(1234)");
  });
  it("quotes like strconv.Quote", () => {
    expect(goQuote("web_default()")).toBe('"web_default()"');
    expect(goQuote('a"b\\c\n')).toBe('"a\\"b\\\\c\\n"');
    expect(goQuote("\x01")).toBe('"\\x01"');
  });
});
