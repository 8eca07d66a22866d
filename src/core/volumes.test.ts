import { describe, expect, it } from "vitest";
import { volumeOwnership } from "./volumes";

describe("what fsGroup does to each volume (pkg/volume/*: SetUpAt and SetVolumeOwnership)", () => {
  it.each([
    ["emptyDir", { emptyDir: {} }, "changed"],
    ["configMap", { configMap: { name: "c" } }, "changed"],
    ["secret", { secret: { secretName: "s" } }, "changed"],
    ["projected", { projected: { sources: [] } }, "changed"],
    ["hostPath: never", { hostPath: { path: "/var/log" } }, "unchanged"],
    ["nfs: the server's ownership", { nfs: { server: "x", path: "/" } }, "unchanged"],
    ["persistentVolumeClaim: depends on the storage", { persistentVolumeClaim: { claimName: "d" } }, "depends"],
    ["csi: the driver's fsGroupPolicy", { csi: { driver: "d" } }, "depends"],
    ["no source: the API defaults it to emptyDir", {}, "changed"],
  ])("%s", (_n, source, ownership) => {
    expect(volumeOwnership({ volumes: [{ name: "v", ...source }] })[0].ownership).toBe(ownership);
  });

  it("never throws on odd shapes", () => {
    for (const spec of [null, {}, { volumes: "x" }, { volumes: [null, 1, { name: 5, constructor: {} }] }]) expect(() => volumeOwnership(spec)).not.toThrow();
  });
});
