// Known field names of the types between a manifest's top and its containers, at the newest
// version, with the minor version a field appeared where that falls inside 1.23..1.37.
//
// Sources (kubernetes/kubernetes, newest stored versions): staging/src/k8s.io/api/core/v1 types.go
// (ObjectMeta via apimachinery meta/v1, PodTemplateSpec, PodSpec, Container, EphemeralContainer),
// apps/v1 and batch/v1 types.go, read through their generated apply configurations
// (staging/src/k8s.io/client-go/applyconfigurations/*/v1/*.go, one file per type). Versions come
// from the feature gate that introduced each field (pkg/features/kube_features.go): a gated field
// exists in the Go types from its alpha release, even while the gate is off.
//
// Only the fields this validator needs to descend through or check are typed; everything else is
// OPEN (no unknown-field or type checks inside), so volumes, probes, resources, env, status,
// managedFields and the like never produce false positives.

import { minorNumber, podSettingSpec, POD_SETTINGS } from "../catalogue/fields";
import { misplacedScField, POD_SECURITY_CONTEXT, SECURITY_CONTEXT } from "./scTypes";
import { BOOL, OPEN, STRING, arrayOf, struct, type FieldDesc, type StructDesc, type TypeDesc } from "./schema";

/** A value made on its first use, then the same one. */
function once<T>(make: () => T): () => T {
  let v: T | undefined;
  return () => (v ??= make());
}

/** The catalogue's pod settings as PodSpec fields: booleans, known from the catalogue's `added`. */
const podSettings = (): Record<string, FieldDesc> =>
  Object.fromEntries(POD_SETTINGS.map((n) => [n, { type: BOOL, since: minorNumber(podSettingSpec(n)?.added) }]));

// ObjectMeta (apimachinery pkg/apis/meta/v1 types.go). clusterName was ZZZ_DeprecatedClusterName
// (json "clusterName") through 1.24 and removed in 1.25.
export const OBJECT_META = struct("v1.ObjectMeta", {
  name: OPEN,
  generateName: OPEN,
  namespace: OPEN,
  selfLink: OPEN,
  uid: OPEN,
  resourceVersion: OPEN,
  generation: OPEN,
  creationTimestamp: OPEN,
  deletionTimestamp: OPEN,
  deletionGracePeriodSeconds: OPEN,
  labels: OPEN,
  annotations: OPEN,
  ownerReferences: OPEN,
  finalizers: OPEN,
  managedFields: OPEN,
  clusterName: { type: OPEN, until: 24 },
});

/** Fields of Container and of EphemeralContainerCommon (the same list). */
const containerFields = (): Record<string, FieldDesc | TypeDesc> => ({
  name: STRING,
  image: STRING,
  command: OPEN,
  args: OPEN,
  workingDir: OPEN,
  ports: OPEN,
  envFrom: OPEN,
  env: OPEN,
  resources: OPEN,
  resizePolicy: { type: OPEN, since: 27 }, // InPlacePodVerticalScaling, alpha 1.27
  restartPolicy: { type: OPEN, since: 28 }, // SidecarContainers, alpha 1.28
  restartPolicyRules: OPEN, // ContainerRestartRules (newest); version not read, never flagged
  volumeMounts: OPEN,
  volumeDevices: OPEN,
  livenessProbe: OPEN,
  readinessProbe: OPEN,
  startupProbe: OPEN,
  lifecycle: OPEN,
  terminationMessagePath: OPEN,
  terminationMessagePolicy: OPEN,
  imagePullPolicy: OPEN,
  securityContext: SECURITY_CONTEXT,
  stdin: OPEN,
  stdinOnce: OPEN,
  tty: OPEN,
});

const podSettingNames = new Set<string>(POD_SETTINGS);

export const CONTAINER = struct("v1.Container", containerFields(), (key, at) =>
  podSettingNames.has(key) ? `${key} is a field of the pod spec (${at.specPath}.${key})` : misplacedScField(key, "container", at),
);

export const EPHEMERAL_CONTAINER = struct("v1.EphemeralContainer", { ...containerFields(), targetContainerName: STRING }, CONTAINER.misplaced);

// PodSpec. hostNetwork, hostPID, hostIPC, shareProcessNamespace and hostUsers are the catalogue's
// POD_SETTINGS (typed bool here), with the version each appeared from the catalogue.
export const POD_SPEC = struct(
  "v1.PodSpec",
  {
    volumes: OPEN,
    initContainers: arrayOf(CONTAINER),
    containers: arrayOf(CONTAINER),
    ephemeralContainers: arrayOf(EPHEMERAL_CONTAINER),
    restartPolicy: OPEN,
    terminationGracePeriodSeconds: OPEN,
    activeDeadlineSeconds: OPEN,
    dnsPolicy: OPEN,
    nodeSelector: OPEN,
    serviceAccountName: OPEN,
    serviceAccount: OPEN,
    automountServiceAccountToken: OPEN,
    nodeName: OPEN,
    ...podSettings(),
    securityContext: POD_SECURITY_CONTEXT,
    imagePullSecrets: OPEN,
    hostname: OPEN,
    subdomain: OPEN,
    affinity: OPEN,
    schedulerName: OPEN,
    tolerations: OPEN,
    hostAliases: OPEN,
    priorityClassName: OPEN,
    priority: OPEN,
    dnsConfig: OPEN,
    readinessGates: OPEN,
    runtimeClassName: OPEN,
    enableServiceLinks: OPEN,
    preemptionPolicy: OPEN,
    overhead: OPEN,
    topologySpreadConstraints: OPEN,
    setHostnameAsFQDN: OPEN,
    os: { type: struct("v1.PodOS", { name: { kind: "string", go: "v1.OSName" } }), since: minorNumber(podSettingSpec("os.name")?.added) },
    schedulingGates: { type: OPEN, since: 26 }, // PodSchedulingReadiness, alpha 1.26
    resourceClaims: { type: OPEN, since: 26 }, // DynamicResourceAllocation, alpha 1.26
    resources: { type: OPEN, since: 32 }, // PodLevelResources, alpha 1.32
    // Newest fields whose first version was not read: known, never flagged.
    hostnameOverride: OPEN,
    workloadRef: OPEN,
    schedulingGroup: OPEN,
  },
  (key, at) => misplacedScField(key, "podSpec", at),
);

const podTemplateSpec = once(() => struct("v1.PodTemplateSpec", { metadata: OBJECT_META, spec: POD_SPEC }));

const selectorReplicas = { replicas: OPEN, selector: OPEN, minReadySeconds: OPEN };

const deploymentSpec = once(() => struct("v1.DeploymentSpec", {
  ...selectorReplicas,
  template: podTemplateSpec(),
  strategy: OPEN,
  revisionHistoryLimit: OPEN,
  paused: OPEN,
  progressDeadlineSeconds: OPEN,
}));

const replicaSetSpec = once(() => struct("v1.ReplicaSetSpec", { ...selectorReplicas, template: podTemplateSpec() }));

const replicationControllerSpec = once(() => struct("v1.ReplicationControllerSpec", { ...selectorReplicas, template: podTemplateSpec() }));

const statefulSetSpec = once(() => struct("v1.StatefulSetSpec", {
  ...selectorReplicas,
  template: podTemplateSpec(),
  volumeClaimTemplates: OPEN,
  serviceName: OPEN,
  podManagementPolicy: OPEN,
  updateStrategy: OPEN,
  revisionHistoryLimit: OPEN,
  persistentVolumeClaimRetentionPolicy: OPEN, // StatefulSetAutoDeletePVC, alpha 1.23
  ordinals: { type: OPEN, since: 26 }, // StatefulSetStartOrdinal, alpha 1.26
}));

const daemonSetSpec = once(() => struct("v1.DaemonSetSpec", {
  selector: OPEN,
  template: podTemplateSpec(),
  updateStrategy: OPEN,
  minReadySeconds: OPEN,
  revisionHistoryLimit: OPEN,
}));

const jobSpec = once(() => struct("v1.JobSpec", {
  parallelism: OPEN,
  completions: OPEN,
  activeDeadlineSeconds: OPEN,
  podFailurePolicy: { type: OPEN, since: 25 }, // JobPodFailurePolicy, alpha 1.25
  successPolicy: { type: OPEN, since: 30 }, // JobSuccessPolicy, alpha 1.30
  backoffLimit: OPEN,
  backoffLimitPerIndex: { type: OPEN, since: 28 }, // JobBackoffLimitPerIndex, alpha 1.28
  maxFailedIndexes: { type: OPEN, since: 28 },
  selector: OPEN,
  manualSelector: OPEN,
  template: podTemplateSpec(),
  ttlSecondsAfterFinished: OPEN,
  completionMode: OPEN,
  suspend: OPEN,
  podReplacementPolicy: { type: OPEN, since: 28 }, // JobPodReplacementPolicy, alpha 1.28
  managedBy: { type: OPEN, since: 30 }, // JobManagedBy, alpha 1.30
  scheduling: OPEN, // WorkloadWithJob (newest); version not read, never flagged
}));

const jobTemplateSpec = once(() => struct("v1.JobTemplateSpec", { metadata: OBJECT_META, spec: jobSpec() }));

const cronJobSpec = once(() => struct("v1.CronJobSpec", {
  schedule: OPEN,
  timeZone: { type: OPEN, since: 24 }, // CronJobTimeZone, alpha 1.24
  startingDeadlineSeconds: OPEN,
  concurrencyPolicy: OPEN,
  suspend: OPEN,
  jobTemplate: jobTemplateSpec(),
  successfulJobsHistoryLimit: OPEN,
  failedJobsHistoryLimit: OPEN,
}));

const objectWith = (go: string, fields: Record<string, TypeDesc>): StructDesc =>
  struct(go, { apiVersion: OPEN, kind: OPEN, metadata: OBJECT_META, ...fields });

/**
 * The top-level type of each kind that carries a pod spec (workloads.ts POD_SPEC_PATHS), made on
 * first use: a run meets one or two kinds, and every struct made is work at each start.
 */
const OBJECT_TYPE_MAKERS: Record<string, () => StructDesc> = {
  Pod: () => objectWith("v1.Pod", { spec: POD_SPEC, status: OPEN }),
  PodTemplate: () => objectWith("v1.PodTemplate", { template: podTemplateSpec() }),
  Deployment: () => objectWith("v1.Deployment", { spec: deploymentSpec(), status: OPEN }),
  ReplicaSet: () => objectWith("v1.ReplicaSet", { spec: replicaSetSpec(), status: OPEN }),
  StatefulSet: () => objectWith("v1.StatefulSet", { spec: statefulSetSpec(), status: OPEN }),
  DaemonSet: () => objectWith("v1.DaemonSet", { spec: daemonSetSpec(), status: OPEN }),
  Job: () => objectWith("v1.Job", { spec: jobSpec(), status: OPEN }),
  CronJob: () => objectWith("v1.CronJob", { spec: cronJobSpec(), status: OPEN }),
  ReplicationController: () => objectWith("v1.ReplicationController", { spec: replicationControllerSpec(), status: OPEN }),
};
const objectTypes = new Map<string, StructDesc>();

/** The top-level type of a kind that carries a pod spec; undefined for any other kind. */
export function objectType(kind: string): StructDesc | undefined {
  let t = objectTypes.get(kind);
  if (t === undefined && Object.hasOwn(OBJECT_TYPE_MAKERS, kind)) objectTypes.set(kind, (t = OBJECT_TYPE_MAKERS[kind]()));
  return t;
}
