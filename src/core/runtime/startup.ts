// Startup failures a manifest alone makes certain, in the order the kubelet meets them
// (kubernetes pkg/kubelet/kuberuntime/kuberuntime_container.go startContainer):
//  1. generateContainerConfig calls verifyRunAsNonRoot (Linux: security_context_others.go;
//     Windows: security_context_windows.go); its error becomes the waiting reason
//     "CreateContainerConfigError" (ErrCreateContainerConfig) with s.Message() as message;
//  2. the runtime's CreateContainer: an error becomes "CreateContainerError" (ErrCreateContainer)
//     with the gRPC status message — the runtime's own error text (runtimeRefusal below).
// What depends on the node (profiles on disk, AppArmor or SELinux in the kernel, the kernel's last
// capability) is not decided here but listed as assumptions (nodeAssumptions).

import type { Effective, EffectiveField, Runtime, Startup } from "../types";

export type { Startup } from "../types";
import { isAllEntry, isKnownCapability } from "./capabilities";
import { parseImageUser, setValue, valueOf } from "./user";
import { WINDOWS_KUBELET_SOURCE, WINDOWS_ROOT_USER } from "./windows";

export interface StartupInput {
  effective: Record<EffectiveField, Effective>;
  imageUser: number | string;
  podName: string;
  namespace?: string;
  containerName: string;
  /** metadata.uid; a manifest has none, so "" by default. */
  podUID?: string;
  /** The runtime whose create-time checks apply (default containerd). */
  runtime?: Runtime;
  /** The node's OS (runtime/windows.ts podOsOf); default linux. */
  os?: "linux" | "windows";
}

export const CREATE_CONTAINER_CONFIG_ERROR = "CreateContainerConfigError";
export const CREATE_CONTAINER_ERROR = "CreateContainerError";

export const CRIO_CAPABILITIES_SOURCE = "cri-o/cri-o internal/factory/container/container.go SpecSetupCapabilities (v1.36.0-191-gf954a17e50); opencontainers/runtime-tools validate/capabilities CapValid";

export const RUN_AS_NON_ROOT_RULE = {
  source: "kubernetes/kubernetes pkg/kubelet/kuberuntime/security_context_others.go verifyRunAsNonRoot",
  messages: {
    runAsUserRoot: "container's runAsUser breaks non-root policy (pod: %q, container: %s)",
    nonNumeric: "container has runAsNonRoot and image has non-numeric user (%s), cannot verify user is non-root (pod: %q, container: %s)",
    imageRoot: "container has runAsNonRoot and image will run as root (pod: %q, container: %s)",
    invalidUid: "container has runAsNonRoot and image has an invalid user id (%d). (Must be 1-(%d)): %s (pod: %q, container: %s)",
  },
  // k8s.io/apimachinery pkg/util/validation IsValidUserID → InclusiveRangeError(0, math.MaxInt32).
  invalidUidDetail: "must be between 0 and 2147483647, inclusive",
  maxInt32: 2147483647,
} as const;

const MAX_INT32 = BigInt(RUN_AS_NON_ROOT_RULE.maxInt32);

export function verifyStartup(input: StartupInput): Startup {
  if (input?.os === "windows") return verifyWindowsRunAsNonRoot(input);
  const config = verifyRunAsNonRoot(input);
  const refusal = config.ok ? runtimeRefusal(input) : undefined;
  const out = refusal ?? config;
  const assumptions = nodeAssumptions(input);
  if (assumptions.length) out.assumptions = assumptions;
  return out;
}

/** security_context_others.go verifyRunAsNonRoot. */
function verifyRunAsNonRoot(input: StartupInput): Startup {
  const eff = input?.effective;
  // "If the option is not set, or if running as root is allowed, return nil."
  if (valueOf(eff, "runAsNonRoot") !== true) return { ok: true };

  const runAsUser = setValue(eff, "runAsUser");
  if (typeof runAsUser === "number" && Number.isSafeInteger(runAsUser) && runAsUser !== 0) return { ok: true };

  // Only a refusal needs the kubelet's pod description (formatted once, here).
  const pod = goQuote(formatPod(input.podName, input.namespace, input.podUID));
  const container = String(input?.containerName ?? "");
  const fail = (message: string): Startup => ({ ok: false, reason: CREATE_CONTAINER_CONFIG_ERROR, message, source: RUN_AS_NON_ROOT_RULE.source });
  if (runAsUser === 0) return fail(`container's runAsUser breaks non-root policy (pod: ${pod}, container: ${container})`);

  // The image's user as the kubelet gets it (helpers.go getImageUser): no uid and no name means root.
  const image = parseImageUser(input?.imageUser ?? 0);
  if (image.uid === undefined && image.username) {
    return fail(
      `container has runAsNonRoot and image has non-numeric user (${image.username}), cannot verify user is non-root (pod: ${pod}, container: ${container})`,
    );
  }
  const uid = BigInt(image.uid ?? "0");
  if (uid === 0n) return fail(`container has runAsNonRoot and image will run as root (pod: ${pod}, container: ${container})`);
  if (uid < 0n || uid > MAX_INT32) {
    return fail(
      `container has runAsNonRoot and image has an invalid user id (${uid}). (Must be 1-(${RUN_AS_NON_ROOT_RULE.maxInt32})): ${RUN_AS_NON_ROOT_RULE.invalidUidDetail} (pod: ${pod}, container: ${container})`,
    );
  }
  return { ok: true };
}

/**
 * security_context_windows.go verifyRunAsNonRoot: ContainerAdministrator is root. The message
 * prints the image's user name (the `username` getImageUser returned), even when it is
 * windowsOptions.runAsUserName that names ContainerAdministrator — upstream's wording, kept.
 */
function verifyWindowsRunAsNonRoot(input: StartupInput): Startup {
  const eff = input?.effective;
  if (valueOf(eff, "runAsNonRoot") !== true) return { ok: true };
  const username = parseImageUser(input?.imageUser ?? 0).username ?? "";
  const fail = (path?: string): Startup => {
    const s: Startup = {
      ok: false,
      reason: CREATE_CONTAINER_CONFIG_ERROR,
      message: `container's runAsUser (${username}) which will be regarded as root identity and will break non-root policy (pod: ${goQuote(formatPod(input.podName, input.namespace, input.podUID))}, container: ${String(input?.containerName ?? "")})`,
      source: WINDOWS_KUBELET_SOURCE,
    };
    if (path) s.path = path;
    return s;
  };
  const options = valueOf(eff, "windowsOptions");
  const name = options && typeof options === "object" ? (options as Record<string, unknown>).runAsUserName : undefined;
  if (typeof name === "string") {
    // A runAsUserName other than ContainerAdministrator settles it; the image is not looked at.
    return name === WINDOWS_ROOT_USER ? fail(eff.windowsOptions?.path ? `${eff.windowsOptions.path}.runAsUserName` : undefined) : { ok: true };
  }
  return username === WINDOWS_ROOT_USER ? fail() : { ok: true };
}

/**
 * What the runtime refuses at CreateContainer for a manifest's capabilities. CRI-O checks each name
 * (SpecSetupCapabilities): an unknown one in add fails with `unknown capability "CAP_X" to add`, in
 * drop with "failed to drop cap CAP_X invalid capability: CAP_X". Privileged containers skip the
 * check (SpecSetPrivileges). containerd passes any name into the OCI spec (internal/cri/opts
 * WithCapabilities) and runc ignores names it does not know, so containerd refuses nothing here.
 */
export function runtimeRefusal(input: StartupInput): Startup | undefined {
  if (input?.runtime !== "cri-o") return undefined;
  const eff = input.effective;
  if (valueOf(eff, "privileged") === true) return undefined;
  const caps = valueOf(eff, "capabilities");
  if (!caps || typeof caps !== "object") return undefined;
  const list = (key: "add" | "drop") => {
    const v = (caps as Record<string, unknown>)[key];
    return Array.isArray(v) ? v : [];
  };
  const base = eff.capabilities?.path;
  // toCAPPrefixed: an entry starting with "cap_" (any case) is kept as written, others get "CAP_" + upper case.
  const prefixed = (c: string) => (c.toLowerCase().startsWith("cap_") ? c : `CAP_${c.toUpperCase()}`);
  const refuse = (message: string, key: string, i: number): Startup => {
    const s: Startup = { ok: false, reason: CREATE_CONTAINER_ERROR, message, source: CRIO_CAPABILITIES_SOURCE };
    if (base) s.path = `${base}.${key}[${i}]`;
    return s;
  };
  const add = list("add");
  for (let i = 0; i < add.length; i++) {
    const c = add[i];
    if (typeof c !== "string" || isAllEntry(c)) continue;
    const p = prefixed(c);
    if (!isKnownCapability(p.toUpperCase())) return refuse(`unknown capability ${goQuote(p)} to add`, "add", i);
  }
  const drop = list("drop");
  for (let i = 0; i < drop.length; i++) {
    const c = drop[i];
    if (typeof c !== "string" || isAllEntry(c)) continue;
    const p = prefixed(c);
    if (!isKnownCapability(p.toUpperCase())) return refuse(`failed to drop cap ${p} invalid capability: ${p.toUpperCase()}`, "drop", i);
  }
  return undefined;
}

/** Capabilities newer than some kernels still in use: CRI-O lists only those up to the host's last one (getOCICapabilitiesList, capability.LastCap). */
const NEWER_CAPABILITIES: Readonly<Record<string, string>> = {
  CAP_PERFMON: "5.8",
  CAP_BPF: "5.8",
  CAP_CHECKPOINT_RESTORE: "5.9",
};

/**
 * What the node must provide for the container to start as shown. Each is a create-time refusal
 * (or a kubelet admission refusal) that depends on the node rather than on the manifest.
 */
export function nodeAssumptions(input: StartupInput): string[] {
  const eff = input?.effective;
  const out: string[] = [];
  const runtime = input?.runtime === "cri-o" ? "cri-o" : "containerd";
  const privileged = valueOf(eff, "privileged") === true;
  const seccomp = valueOf(eff, "seccompProfile") as Record<string, unknown> | null | undefined;
  if (!privileged && seccomp && seccomp.type === "Localhost" && typeof seccomp.localhostProfile === "string") {
    out.push(
      `The node has the seccomp profile <kubelet root-dir>/seccomp/${seccomp.localhostProfile} (kuberuntime getSeccompProfile joins the path): without it ${
        runtime === "cri-o"
          ? 'CRI-O fails the container with "unable to load local profile %q: %w" (internal/config/seccomp)'
          : 'containerd fails it with "cannot load seccomp profile %q: %v" (contrib/seccomp WithProfile)'
      } — CreateContainerError.`,
    );
  }
  const apparmor = valueOf(eff, "appArmorProfile") as Record<string, unknown> | null | undefined;
  const apparmorSet = eff?.appArmorProfile?.source === "container" || eff?.appArmorProfile?.source === "pod";
  if (apparmorSet && apparmor && apparmor.type !== "Unconfined") {
    out.push('The node has AppArmor enabled: otherwise the kubelet refuses the pod at admission, "Cannot enforce AppArmor: AppArmor is not enabled on the host" (pkg/security/apparmor validate.go validateHost).');
    if (apparmor.type === "Localhost" && typeof apparmor.localhostProfile === "string" && !privileged) {
      out.push(
        `The AppArmor profile ${apparmor.localhostProfile} is loaded on the node: ${
          runtime === "cri-o" ? "CRI-O passes the name on and runc fails to apply it when the container starts" : `containerd fails the container with "apparmor profile not found ${apparmor.localhostProfile}" (internal/cri/sputil GenerateApparmorSpecOpts) — CreateContainerError`
        }.`,
      );
    }
  }
  if (setValue(eff, "seLinuxOptions") !== undefined) {
    out.push("The node runs SELinux: on a node without it the runtimes create the container without the label (go-selinux InitLabels returns none), so the label protects nothing there.");
  }
  if (runtime === "cri-o" && !privileged) {
    const caps = valueOf(eff, "capabilities") as Record<string, unknown> | null | undefined;
    const add = caps && Array.isArray(caps.add) ? caps.add : [];
    for (const c of add) {
      if (typeof c !== "string") continue;
      const name = (c.toLowerCase().startsWith("cap_") ? c : `CAP_${c}`).toUpperCase();
      if (Object.hasOwn(NEWER_CAPABILITIES, name)) {
        out.push(`The node's kernel knows ${name} (Linux ${NEWER_CAPABILITIES[name]}+): CRI-O lists capabilities only up to the host's last one and would refuse it as unknown.`);
      }
    }
  }
  return out;
}

/**
 * kubernetes pkg/kubelet/util/format/pod.go Pod → PodDesc: "%s_%s(%s)" of name, namespace, UID.
 * A manifest carries no UID, so the kubelet's text is rendered with an empty one: "web_default()".
 * Without metadata.namespace the API server would place the pod in the namespace of the request;
 * "default" is assumed, as kubectl does with no namespace configured.
 */
export function formatPod(name: unknown, namespace?: unknown, uid?: unknown): string {
  const ns = typeof namespace === "string" && namespace !== "" ? namespace : "default";
  return `${typeof name === "string" ? name : ""}_${ns}(${typeof uid === "string" ? uid : ""})`;
}

export { goQuote } from "../go/quote";
import { goQuote } from "../go/quote";
