import { describe, expect, it } from "vitest";
import {
  ALL_CAPABILITIES,
  CAPABILITY_TABLE,
  capHex,
  capabilityNumber,
  decodeCapHex,
  runtimeCapabilityName,
  sortCapabilities,
} from "./capabilities";
import { RUNTIME_DEFAULTS } from "./defaults";
import type { Runtime } from "../types";

describe("capability table (include/uapi/linux/capability.h)", () => {
  it("numbers 0..40 without gaps, CAP_LAST_CAP = CAP_CHECKPOINT_RESTORE", () => {
    expect(CAPABILITY_TABLE.capabilities.map((c) => c.number)).toEqual(Array.from({ length: 41 }, (_, i) => i));
    expect(capabilityNumber("CAP_CHOWN")).toBe(0);
    expect(capabilityNumber("CAP_SYS_ADMIN")).toBe(21);
    expect(capabilityNumber("CAP_SETFCAP")).toBe(31);
    expect(capabilityNumber("CAP_CHECKPOINT_RESTORE")).toBe(40);
    expect(capabilityNumber("CAP_NOPE")).toBeUndefined();
  });

  it("sorts by number and drops repeats and unknown names", () => {
    expect(sortCapabilities(["CAP_SETFCAP", "CAP_CHOWN", "CAP_CHOWN", "CAP_CAP_CHOWN", "CAP_NET_RAW"])).toEqual([
      "CAP_CHOWN",
      "CAP_NET_RAW",
      "CAP_SETFCAP",
    ]);
  });
});

describe("capHex: 16 lower-case hex digits as proc(5) prints CapBnd etc.", () => {
  const cases: { name: string; rule: string; caps: readonly string[]; hex: string }[] = [
    {
      name: "containerd default set",
      rule: "containerd pkg/oci/spec.go defaultUnixCaps; contract example CapBnd: 00000000a80425fb",
      caps: RUNTIME_DEFAULTS.containerd.capabilities.value,
      hex: "00000000a80425fb",
    },
    {
      name: "CRI-O default set",
      rule: "cri-o internal/config/capabilities/capabilities_linux.go Default",
      caps: RUNTIME_DEFAULTS["cri-o"].capabilities.value,
      hex: "00000000000005fb",
    },
    { name: "every capability (0..40)", rule: "capability.h CAP_LAST_CAP 40", caps: ALL_CAPABILITIES, hex: "000001ffffffffff" },
    { name: "empty", rule: "proc(5)", caps: [], hex: "0000000000000000" },
    { name: "NET_BIND_SERVICE (10)", rule: "capability.h", caps: ["CAP_NET_BIND_SERVICE"], hex: "0000000000000400" },
    { name: "unknown names ignored", rule: "runc skips unknown capabilities", caps: ["CAP_CAP_CHOWN"], hex: "0000000000000000" },
  ];
  it.each(cases)("$name ($rule)", ({ caps, hex }) => {
    expect(capHex(caps)).toBe(hex);
  });
});

describe("decodeCapHex", () => {
  it("explains containerd's CapBnd", () => {
    expect(decodeCapHex("00000000a80425fb")).toEqual(sortCapabilities(RUNTIME_DEFAULTS.containerd.capabilities.value));
  });
  it("round-trips every set", () => {
    expect(decodeCapHex(capHex(ALL_CAPABILITIES))).toEqual([...ALL_CAPABILITIES]);
    expect(decodeCapHex("0000000000000000")).toEqual([]);
  });
  it("accepts short and 0x-prefixed masks, upper case too", () => {
    expect(decodeCapHex("0x5FB")).toEqual(sortCapabilities(RUNTIME_DEFAULTS["cri-o"].capabilities.value));
  });
  it("names bits the kernel table lacks by number", () => {
    expect(decodeCapHex("0000020000000001")).toEqual(["CAP_CHOWN", "41"]);
    expect(decodeCapHex("8000000000000000")).toEqual(["63"]);
  });
  it("gives [] for text that is not a mask, never throws", () => {
    expect(decodeCapHex("xyz")).toEqual([]);
    expect(decodeCapHex("")).toEqual([]);
    expect(decodeCapHex("00000000000000000")).toEqual([]);
    expect(decodeCapHex(undefined as unknown as string)).toEqual([]);
  });
});

describe("runtimeCapabilityName: how each runtime names an add/drop entry", () => {
  const cases: { runtime: Runtime; entry: string; name: string; rule: string }[] = [
    { runtime: "containerd", entry: "NET_ADMIN", name: "CAP_NET_ADMIN", rule: 'spec_opts.go WithCapabilities: "CAP_"+strings.ToUpper' },
    { runtime: "containerd", entry: "net_admin", name: "CAP_NET_ADMIN", rule: "strings.ToUpper" },
    { runtime: "containerd", entry: "CAP_NET_ADMIN", name: "CAP_CAP_NET_ADMIN", rule: "prefix added unconditionally" },
    { runtime: "containerd", entry: "cap_net_admin", name: "CAP_CAP_NET_ADMIN", rule: "prefix added unconditionally" },
    { runtime: "cri-o", entry: "NET_ADMIN", name: "CAP_NET_ADMIN", rule: "container.go toCAPPrefixed" },
    { runtime: "cri-o", entry: "net_admin", name: "CAP_NET_ADMIN", rule: "toCAPPrefixed upper-cases" },
    { runtime: "cri-o", entry: "CAP_NET_ADMIN", name: "CAP_NET_ADMIN", rule: 'toCAPPrefixed keeps a "cap_" prefix' },
    { runtime: "cri-o", entry: "cap_net_admin", name: "CAP_NET_ADMIN", rule: "runtime-tools AddProcessCapability* upper-case" },
  ];
  it.each(cases)("$runtime: $entry → $name ($rule)", ({ runtime, entry, name }) => {
    expect(runtimeCapabilityName(runtime, entry)).toBe(name);
  });
});
