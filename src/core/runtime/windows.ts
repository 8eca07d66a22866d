// Windows pods: which pods run on a Windows node, what the Windows kubelet checks before it creates
// a container, and what applies to the container's process instead of Linux /proc/1/status.

import { get, isMap } from "../yaml/access";
import { podSettingSpec, stageAt } from "../catalogue/fields";
import { isDropped } from "../validate/featureGates";
import { parseImageUser } from "./user";
import type { WindowsProcessInfo } from "../types";

export const WINDOWS_KUBELET_SOURCE = "kubernetes/kubernetes pkg/kubelet/kuberuntime/security_context_windows.go verifyRunAsNonRoot (master 04791b49)";

/** windowsRootUserName in security_context_windows.go. */
export const WINDOWS_ROOT_USER = "ContainerAdministrator";

export interface PodOs {
  os: "linux" | "windows";
  /** Why the pod is taken to run on that OS. */
  why: string;
}

/**
 * The kubelet that runs a pod is the node's: a Windows kubelet is built with security_context_windows.go,
 * a Linux one with security_context_others.go. Which node a pod lands on is read from the manifest:
 *  - spec.os.name (when the version keeps it): the kubelet refuses a pod whose os.name is not its
 *    own OS (pkg/kubelet/lifecycle/predicate.go, "PodOSNotSupported"), so it runs on that OS or not at all;
 *  - otherwise a windowsOptions.hostProcess container exists only on Windows (KEP-1981);
 *  - otherwise a nodeSelector kubernetes.io/os: windows sends the pod to Windows nodes.
 */
export function podOsOf(spec: unknown, osNameKept: boolean): PodOs {
  const os = get(get(spec, "os"), "name");
  if (osNameKept && (os === "windows" || os === "linux")) return { os, why: `spec.os.name is ${os}` };
  if (hostProcessAnywhere(spec)) return { os: "windows", why: "a container sets windowsOptions.hostProcess: true, which only a Windows node runs" };
  if (get(get(spec, "nodeSelector"), "kubernetes.io/os") === "windows") return { os: "windows", why: "nodeSelector kubernetes.io/os: windows" };
  return { os: "linux", why: "no Windows marker (spec.os.name, hostProcess, nodeSelector kubernetes.io/os)" };
}

/** podOsOf at a Kubernetes version: spec.os.name counts where the API server keeps it (IdentifyPodOS on). */
export function podOsAt(spec: unknown, minor: number): PodOs {
  const entry = podSettingSpec("os.name");
  const kept = (!entry || stageAt(entry, minor).present) && !isDropped("podSpec", "os", minor);
  return podOsOf(spec, kept);
}

function hostProcessAnywhere(spec: unknown): boolean {
  const hp = (sc: unknown) => get(get(sc, "windowsOptions"), "hostProcess") === true;
  if (hp(get(spec, "securityContext"))) return true;
  for (const list of ["initContainers", "containers", "ephemeralContainers"]) {
    const arr = get(spec, list);
    if (Array.isArray(arr) && arr.some((c) => isMap(c) && hp(get(c, "securityContext")))) return true;
  }
  return false;
}

export type WindowsProcess = WindowsProcessInfo;

/** runAsUserName and hostProcess after the pod → container merge (securitycontext DetermineEffectiveSecurityContext merges windowsOptions field by field). */
export function windowsProcess(podWindowsOptions: unknown, containerWindowsOptions: unknown, imageUser: number | string): WindowsProcess {
  const own = get(containerWindowsOptions, "runAsUserName");
  const pod = get(podWindowsOptions, "runAsUserName");
  let userName: string | null;
  let userSource: WindowsProcess["userSource"];
  if (typeof own === "string") [userName, userSource] = [own, "container"];
  else if (typeof pod === "string") [userName, userSource] = [pod, "pod"];
  // The image's USER as the kubelet gets it (getImageUser): a name, or no name for a uid.
  else [userName, userSource] = [parseImageUser(imageUser).username ?? null, "image"];
  const hp = get(containerWindowsOptions, "hostProcess");
  return {
    userName,
    userSource,
    hostProcess: typeof hp === "boolean" ? hp : get(podWindowsOptions, "hostProcess") === true,
    administrator: userName === WINDOWS_ROOT_USER,
    source: `${WINDOWS_KUBELET_SOURCE}; kubernetes/kubernetes pkg/securitycontext/util.go DetermineEffectiveSecurityContext`,
  };
}
