// Share links: the manifest and the settings, compressed into the URL fragment. The fragment never
// reaches a server, so nothing leaves the browser. A link is untrusted input: every field is checked.
import { compressToEncodedURIComponent, decompressFromEncodedURIComponent } from "lz-string";
import { emptyRecord } from "../core/ownKeys";
import type { Runtime } from "../core/types";
import { normaliseVersion } from "../core/versions";
import { findLine } from "../core/runtime/releases";

export interface SharedState {
  text: string;
  runtime: Runtime;
  /** The runtime's release line; absent means the newest. */
  runtimeVersion?: string;
  kubernetes: string;
  seccompDefault: boolean;
  imageUsers: Record<string, string>;
  workload?: string;
  container?: number;
  lesson?: string;
}

const PREFIX = "#s=";
/** Longer links are unreliable in chat tools and some browsers; past this, export instead. */
export const MAX_LINK_CHARS = 32_000;
const MAX_TEXT_CHARS = 2_000_000;

export type Encoded = { ok: true; url: string } | { ok: false; reason: string };

export function encodeShare(state: SharedState, base: string): Encoded {
  const payload = compressToEncodedURIComponent(JSON.stringify({ v: 1, ...state }));
  const url = `${base.split("#")[0]}${PREFIX}${payload}`;
  if (url.length > MAX_LINK_CHARS) {
    return { ok: false, reason: `This manifest is too large for a link (${Math.round(url.length / 1000)} k characters; the limit is ${MAX_LINK_CHARS / 1000} k). Export it as a file instead.` };
  }
  return { ok: true, url };
}

export type Decoded = { kind: "none" } | { kind: "ok"; state: SharedState } | { kind: "error"; reason: string };

export function decodeShare(hash: string): Decoded {
  if (!hash.startsWith(PREFIX)) return { kind: "none" };
  const payload = hash.slice(PREFIX.length);
  if (payload.length > MAX_LINK_CHARS * 4) return { kind: "error", reason: "This share link is too large to open." };
  let raw: unknown;
  try {
    const json = decompressFromEncodedURIComponent(payload);
    if (!json) return { kind: "error", reason: "This share link is damaged (it may have been cut short when it was copied)." };
    if (json.length > MAX_TEXT_CHARS) return { kind: "error", reason: "This share link holds more text than the playground opens from a link." };
    raw = JSON.parse(json);
  } catch {
    return { kind: "error", reason: "This share link is damaged (it may have been cut short when it was copied)." };
  }
  if (raw === null || typeof raw !== "object") return { kind: "error", reason: "This share link holds no playground state." };
  const r = raw as Record<string, unknown>;
  if (typeof r.text !== "string") return { kind: "error", reason: "This share link holds no manifest." };
  // No prototype: a container named __proto__ keeps its image user (users[k] = v would set the prototype).
  const users = emptyRecord<string>();
  if (r.imageUsers && typeof r.imageUsers === "object") {
    for (const [k, v] of Object.entries(r.imageUsers as Record<string, unknown>)) if (typeof v === "string" && k.length < 256 && v.length < 256) users[k] = v;
  }
  return {
    kind: "ok",
    state: {
      text: r.text,
      runtime: r.runtime === "cri-o" ? "cri-o" : "containerd",
      runtimeVersion: typeof r.runtimeVersion === "string" && r.runtimeVersion.length < 20 ? findLine(r.runtime === "cri-o" ? "cri-o" : "containerd", r.runtimeVersion)?.line : undefined,
      kubernetes: (typeof r.kubernetes === "string" && normaliseVersion(r.kubernetes)) || "1.37",
      seccompDefault: r.seccompDefault === true,
      imageUsers: users,
      workload: typeof r.workload === "string" ? r.workload.slice(0, 2000) : undefined,
      container: typeof r.container === "number" && Number.isInteger(r.container) && r.container >= 0 ? r.container : undefined,
      lesson: typeof r.lesson === "string" ? r.lesson.slice(0, 100) : undefined,
    },
  };
}
