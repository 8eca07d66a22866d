import { describe, expect, it } from "vitest";
import { isKnownCapability } from "./capabilities";
import { KUBELET_MASKED_PATHS, KUBELET_PATHS_HISTORY, KUBELET_READONLY_PATHS, RUNTIME_DEFAULTS } from "./defaults";

describe("runtime data", () => {
  it.each(["containerd", "cri-o"] as const)("%s: every listed capability is a kernel name and every rule names its source", (runtime) => {
    const d = RUNTIME_DEFAULTS[runtime];
    for (const list of [d.capabilities, d.inheritable, d.ambient, d.privileged.bounding, d.privileged.inheritable, d.privileged.ambient]) {
      expect(list.source).toMatch(/\S/);
      for (const c of list.value) expect(isKnownCapability(c)).toBe(true);
    }
    for (const s of [d.addDrop, d.privileged.paths, d.privileged.seccomp, d.maskedPaths, d.maskedPaths.runtimeList, d.readonlyPaths, d.groups]) {
      expect(s.source).toMatch(/\S/);
    }
  });

  it("containerd: 14 default capabilities (pkg/oci/spec.go defaultUnixCaps)", () => {
    expect(RUNTIME_DEFAULTS.containerd.capabilities.value).toHaveLength(14);
  });

  it("CRI-O: 9 default capabilities (internal/config/capabilities Default)", () => {
    expect(RUNTIME_DEFAULTS["cri-o"].capabilities.value).toHaveLength(9);
  });

  it("kubelet: newest lists are the last history entry (pkg/securitycontext/util.go)", () => {
    const last = KUBELET_PATHS_HISTORY[KUBELET_PATHS_HISTORY.length - 1];
    expect(last.masked).toEqual(KUBELET_MASKED_PATHS.value);
    expect(last.readonly).toEqual(KUBELET_READONLY_PATHS.value);
    expect(new Set(KUBELET_MASKED_PATHS.value).size).toBe(KUBELET_MASKED_PATHS.value.length);
  });
});
