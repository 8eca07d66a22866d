import { describe, expect, it } from "vitest";
import { APP_MARKER, cacheName, cachesToDelete, isAppPage } from "./policy";

const A = "http://h/room-a/";
const B = "http://h/room-b/";

describe("cache names per scope", () => {
  it("a build deletes only its own scope's older caches", () => {
    const keys = [cacheName(A, "v1"), cacheName(A, "v2"), cacheName(B, "v1"), cacheName(`${A}sub/`, "v1"), cacheName("http://h/room-a", "v1"), "scp-0123456789ab", "other"];
    expect(cachesToDelete(keys, A, cacheName(A, "v2"))).toEqual([cacheName(A, "v1")]);
    expect(cachesToDelete(keys, B, cacheName(B, "v9"))).toEqual([cacheName(B, "v1")]);
  });

  it("new names escape the old builds' sweep of every scp-* cache", () => {
    expect(cacheName(A, "v1").startsWith("scp-")).toBe(false);
  });
});

describe("isAppPage", () => {
  const html = `<!doctype html><head>${APP_MARKER} /></head>`;
  const res = (over: Partial<{ ok: boolean; type: string; url: string; ct: string }> = {}) => ({
    ok: over.ok ?? true,
    type: over.type ?? "basic",
    url: over.url ?? `${A}`,
    headers: { get: (n: string) => (n === "content-type" ? (over.ct ?? "text/html; charset=utf-8") : null) },
  });
  it.each([
    ["the app", res(), html, true],
    ["a 503 from a proxy", res({ ok: false }), html, false],
    ["a captive portal's page (200, same origin, no marker)", res(), "<html><title>Log in to Wi-Fi</title>", false],
    ["a redirect to the portal's host", res({ url: "http://portal.example/login" }), html, false],
    ["an opaque redirect", res({ type: "opaqueredirect", url: "" }), "", false],
    ["not HTML", res({ ct: "application/json" }), html, false],
  ])("%s → %s", (_what, r, body, expected) => {
    expect(isAppPage(r, "http://h", body)).toBe(expected);
  });
});
