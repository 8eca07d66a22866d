// Turns plain parsed YAML into the few pod fields Pod Security Admission reads.
//
// Upstream decodes the request into Go structs (corev1.PodSpec) before any check runs, so a value of
// the wrong type never reaches a check: the API server rejects the whole object. Here the object may
// be half-written, so a wrong-typed value is read the way the checks would see "not set": a missing
// pointer (undefined), an empty string, false, 0 or an empty list. Nothing here throws.

export type ContainerField = "initContainers" | "containers" | "ephemeralContainers";

export interface CapabilitiesView {
  add: string[];
  drop: string[];
}

export interface SeLinuxView {
  type: string;
  user: string;
  role: string;
}

/** Fields of a container's or the pod's securityContext that the checks read. */
export interface SecurityContextView {
  privileged?: boolean;
  allowPrivilegeEscalation?: boolean;
  runAsNonRoot?: boolean;
  runAsUser?: number;
  procMount?: string;
  capabilities?: CapabilitiesView;
  /** seccompProfile.type ("" when the object is set without a type). */
  seccompType?: string;
  /** appArmorProfile.type ("" when the object is set without a type). */
  appArmorType?: string;
  seLinuxOptions?: SeLinuxView;
  hostProcess?: boolean;
}

export interface PodSecurityContextView extends SecurityContextView {
  sysctls: { name: string; index: number }[];
  /** The sysctls list as written (objects only), for fixes that keep the allowed entries. */
  rawSysctls: unknown[];
}

/** A host set on a probe or lifecycle handler, with its path relative to the container. */
export interface HostField {
  host: string;
  path: string;
}

export interface ContainerView {
  name: string;
  field: ContainerField;
  /** Index in the list as written (entries that are not objects are skipped but keep their place). */
  index: number;
  /** e.g. "containers[0]", relative to the PodSpec. */
  path: string;
  securityContext?: SecurityContextView;
  /** Ports with a host port; `defaulted` when the API server copied it from containerPort (hostNetwork pods). */
  hostPorts: { port: number; index: number; defaulted: boolean }[];
  /** Hosts of liveness, readiness and startup probes, in that order (httpGet before tcpSocket). */
  probeHosts: HostField[][];
  /** Hosts of postStart and preStop handlers, in that order. */
  lifecycleHosts: HostField[][];
}

export interface VolumeView {
  name: string;
  index: number;
  /** Volume source keys whose value is an object (a non-nil pointer in Go). */
  sources: Set<string>;
}

export interface PodView {
  annotations: Record<string, string>;
  hostNetwork: boolean;
  hostPID: boolean;
  hostIPC: boolean;
  hostUsers?: boolean;
  osName: string;
  securityContext?: PodSecurityContextView;
  /** initContainers, then containers, then ephemeralContainers: upstream visitContainers order. */
  containers: ContainerView[];
  volumes: VolumeView[];
}

export function asObject(v: unknown): Record<string, unknown> | undefined {
  return typeof v === "object" && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
}

function asList(v: unknown): unknown[] {
  return Array.isArray(v) ? v : [];
}

/** A Go string field: "" unless a string. */
function str(v: unknown): string {
  return typeof v === "string" ? v : "";
}

/** A Go *string field. */
function optStr(v: unknown): string | undefined {
  return typeof v === "string" ? v : undefined;
}

/** A Go *bool field. */
function optBool(v: unknown): boolean | undefined {
  return typeof v === "boolean" ? v : undefined;
}

/** A Go integer field: only whole numbers decode. */
function optInt(v: unknown): number | undefined {
  return typeof v === "number" && Number.isInteger(v) ? v : undefined;
}

function stringList(v: unknown): string[] {
  return asList(v).filter((x): x is string => typeof x === "string");
}

function decodeSecurityContext(raw: Record<string, unknown>): SecurityContextView {
  const sc: SecurityContextView = {
    privileged: optBool(raw.privileged),
    allowPrivilegeEscalation: optBool(raw.allowPrivilegeEscalation),
    runAsNonRoot: optBool(raw.runAsNonRoot),
    runAsUser: optInt(raw.runAsUser),
    procMount: optStr(raw.procMount),
  };
  const caps = asObject(raw.capabilities);
  if (caps) sc.capabilities = { add: stringList(caps.add), drop: stringList(caps.drop) };
  const seccomp = asObject(raw.seccompProfile);
  if (seccomp) sc.seccompType = str(seccomp.type);
  const apparmor = asObject(raw.appArmorProfile);
  if (apparmor) sc.appArmorType = str(apparmor.type);
  const selinux = asObject(raw.seLinuxOptions);
  if (selinux) sc.seLinuxOptions = { type: str(selinux.type), user: str(selinux.user), role: str(selinux.role) };
  const windows = asObject(raw.windowsOptions);
  if (windows) sc.hostProcess = optBool(windows.hostProcess);
  return sc;
}

/** httpGet.host then tcpSocket.host of a probe or lifecycle handler, when set and not empty. */
function handlerHosts(handler: unknown, path: string): HostField[] {
  const h = asObject(handler);
  if (!h) return [];
  const hosts: HostField[] = [];
  for (const kind of ["httpGet", "tcpSocket"]) {
    const action = asObject(h[kind]);
    const host = action ? str(action.host) : "";
    if (host !== "") hosts.push({ host, path: `${path}.${kind}.host` });
  }
  return hosts;
}

function decodeContainer(
  raw: Record<string, unknown>,
  field: ContainerField,
  index: number,
  defaultHostPorts: boolean,
): ContainerView {
  const path = `${field}[${index}]`;
  const sc = asObject(raw.securityContext);
  const hostPorts: ContainerView["hostPorts"] = [];
  asList(raw.ports).forEach((p, i) => {
    const port = asObject(p);
    if (!port) return;
    const hostPort = optInt(port.hostPort) ?? 0;
    if (hostPort !== 0) {
      hostPorts.push({ port: hostPort, index: i, defaulted: false });
    } else if (defaultHostPorts) {
      const containerPort = optInt(port.containerPort) ?? 0;
      if (containerPort !== 0) hostPorts.push({ port: containerPort, index: i, defaulted: true });
    }
  });
  const lifecycle = asObject(raw.lifecycle);
  return {
    name: str(raw.name),
    field,
    index,
    path,
    securityContext: sc ? decodeSecurityContext(sc) : undefined,
    hostPorts,
    probeHosts: ["livenessProbe", "readinessProbe", "startupProbe"].map((p) => handlerHosts(raw[p], `${path}.${p}`)),
    lifecycleHosts: lifecycle
      ? ["postStart", "preStop"].map((h) => handlerHosts(lifecycle[h], `${path}.lifecycle.${h}`))
      : [],
  };
}

/** Names of every VolumeSource field of corev1.Volume. */
const VOLUME_SOURCES: ReadonlySet<string> = new Set([
  "hostPath", "emptyDir", "gcePersistentDisk", "awsElasticBlockStore", "gitRepo", "secret", "nfs", "iscsi",
  "glusterfs", "persistentVolumeClaim", "rbd", "flexVolume", "cinder", "cephfs", "flocker", "downwardAPI", "fc",
  "azureFile", "configMap", "vsphereVolume", "quobyte", "azureDisk", "photonPersistentDisk", "projected",
  "portworxVolume", "scaleIO", "storageos", "csi", "ephemeral", "image",
]);

/**
 * Decodes a pod's metadata and spec. Two API server defaults that run before admission and change
 * what the checks see are applied, as in pkg/apis/core/v1/defaults.go:
 * - SetDefaults_Volume: a volume without any source becomes an emptyDir volume;
 * - SetDefaults_Pod (Pods only, so `isPod`): with hostNetwork, a port's hostPort defaults to its
 *   containerPort (containers and init containers).
 */
export function decodePod(metadata: unknown, spec: unknown, isPod = false): PodView {
  const meta = asObject(metadata);
  // No prototype, so that any annotation key (even "__proto__") is an ordinary entry.
  const annotations: Record<string, string> = Object.create(null);
  const rawAnnotations = meta ? asObject(meta.annotations) : undefined;
  if (rawAnnotations) {
    for (const [k, v] of Object.entries(rawAnnotations)) if (typeof v === "string") annotations[k] = v;
  }

  const s = asObject(spec) ?? {};
  const podSc = asObject(s.securityContext);
  let securityContext: PodSecurityContextView | undefined;
  if (podSc) {
    const sysctls: PodSecurityContextView["sysctls"] = [];
    asList(podSc.sysctls).forEach((entry, index) => {
      const e = asObject(entry);
      if (e) sysctls.push({ name: str(e.name), index });
    });
    securityContext = { ...decodeSecurityContext(podSc), sysctls, rawSysctls: asList(podSc.sysctls) };
  }

  const hostNetwork = s.hostNetwork === true;
  const containers: ContainerView[] = [];
  for (const field of ["initContainers", "containers", "ephemeralContainers"] as const) {
    const defaultHostPorts = isPod && hostNetwork && field !== "ephemeralContainers";
    asList(s[field]).forEach((c, i) => {
      const obj = asObject(c);
      if (obj) containers.push(decodeContainer(obj, field, i, defaultHostPorts));
    });
  }

  const volumes: VolumeView[] = [];
  asList(s.volumes).forEach((v, index) => {
    const vol = asObject(v);
    if (!vol) return;
    const sources = new Set<string>();
    for (const [k, val] of Object.entries(vol)) if (VOLUME_SOURCES.has(k) && asObject(val)) sources.add(k);
    if (sources.size === 0) sources.add("emptyDir");
    volumes.push({ name: str(vol.name), index, sources });
  });

  const os = asObject(s.os);
  return {
    annotations,
    hostNetwork,
    hostPID: s.hostPID === true,
    hostIPC: s.hostIPC === true,
    hostUsers: optBool(s.hostUsers),
    osName: os ? str(os.name) : "",
    securityContext,
    containers,
    volumes,
  };
}

/** Upstream relaxPolicyForUserNamespacePod: the pod runs in a user namespace (hostUsers: false). */
export function inUserNamespace(pod: PodView): boolean {
  return pod.hostUsers === false;
}

/** Upstream's `podSpec.OS != nil && podSpec.OS.Name == corev1.Windows`. */
export function isWindowsPod(pod: PodView): boolean {
  return pod.osName === "windows";
}
