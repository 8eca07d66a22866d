// Startup failures a manifest alone makes certain. Only the kubelet's runAsNonRoot check is one:
// kuberuntime generateContainerConfig calls verifyRunAsNonRoot, and startContainer turns its error
// into the waiting reason "CreateContainerConfigError" with the error text as message
// (kubernetes pkg/kubelet/kuberuntime/kuberuntime_container.go, ErrCreateContainerConfig).

import type { Effective, EffectiveField } from "../types";
import { parseImageUser, setValue, valueOf } from "./user";

export interface StartupInput {
  effective: Record<EffectiveField, Effective>;
  imageUser: number | string;
  podName: string;
  namespace?: string;
  containerName: string;
  /** metadata.uid; a manifest has none, so "" by default. */
  podUID?: string;
}

export interface Startup {
  ok: boolean;
  reason?: string;
  message?: string;
}

export const CREATE_CONTAINER_CONFIG_ERROR = "CreateContainerConfigError";

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
  const eff = input?.effective;
  // "If the option is not set, or if running as root is allowed, return nil."
  if (valueOf(eff, "runAsNonRoot") !== true) return { ok: true };

  const runAsUser = setValue(eff, "runAsUser");
  if (typeof runAsUser === "number" && Number.isSafeInteger(runAsUser) && runAsUser !== 0) return { ok: true };

  // Only a refusal needs the kubelet's pod description (formatted once, here).
  const pod = goQuote(formatPod(input.podName, input.namespace, input.podUID));
  const container = String(input?.containerName ?? "");
  const fail = (message: string): Startup => ({ ok: false, reason: CREATE_CONTAINER_CONFIG_ERROR, message });
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
