import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { validateWorkload } from "./index";
import { findingsOf, pod, podWithContainerSc, podWithPodSc, targetsOf } from "./testHelpers";

const STRICT = "sigs.k8s.io/json strict decoding (unknown field %q with the field path)";
const JSON_TYPE = "encoding/json UnmarshalTypeError (json: cannot unmarshal …)";

describe("unknown fields (strict field validation, kubectl --validate=strict)", () => {
  it.each([
    // [rule, manifest, code, message, path]
    [
      `${STRICT}; did-you-mean by edit distance`,
      podWithContainerSc("runAsUsr: 1000"),
      "unknown-field",
      'unknown field "spec.containers[0].securityContext.runAsUsr" — did you mean "runAsUser"?',
      "spec.containers[0].securityContext.runAsUsr",
    ],
    [
      `${STRICT}: decoding is case-sensitive; case-insensitive match suggested first`,
      podWithContainerSc("runasuser: 1000"),
      "unknown-field",
      'unknown field "spec.containers[0].securityContext.runasuser" — did you mean "runAsUser"?',
      "spec.containers[0].securityContext.runasuser",
    ],
    [
      `${STRICT}: pod-only field in a container's SecurityContext (catalogue levels)`,
      podWithContainerSc("fsGroup: 2000"),
      "wrong-level",
      `unknown field "spec.containers[0].securityContext.fsGroup" — fsGroup exists only in the pod's securityContext (spec.securityContext)`,
      "spec.containers[0].securityContext.fsGroup",
    ],
    [
      `${STRICT}: sysctls in a container`,
      podWithContainerSc("sysctls: []"),
      "wrong-level",
      `unknown field "spec.containers[0].securityContext.sysctls" — sysctls exists only in the pod's securityContext (spec.securityContext)`,
      "spec.containers[0].securityContext.sysctls",
    ],
    [
      `${STRICT}: container-only field in PodSecurityContext`,
      podWithPodSc("capabilities:\n  drop: [ALL]"),
      "wrong-level",
      `unknown field "spec.securityContext.capabilities" — capabilities exists only in a container's securityContext (spec.containers[*].securityContext)`,
      "spec.securityContext.capabilities",
    ],
    [
      `${STRICT}: allowPrivilegeEscalation in PodSecurityContext`,
      podWithPodSc("allowPrivilegeEscalation: false"),
      "wrong-level",
      `unknown field "spec.securityContext.allowPrivilegeEscalation" — allowPrivilegeEscalation exists only in a container's securityContext (spec.containers[*].securityContext)`,
      "spec.securityContext.allowPrivilegeEscalation",
    ],
    [
      `${STRICT}: a pod spec field inside securityContext`,
      podWithPodSc("hostNetwork: true"),
      "wrong-level",
      `unknown field "spec.securityContext.hostNetwork" — hostNetwork is a field of the pod spec (spec.hostNetwork), not of a securityContext`,
      "spec.securityContext.hostNetwork",
    ],
    [
      `${STRICT}: a securityContext field on the container itself`,
      pod("containers:\n- name: app\n  image: x\n  privileged: true"),
      "wrong-level",
      `unknown field "spec.containers[0].privileged" — privileged belongs in the container's securityContext (spec.containers[0].securityContext.privileged)`,
      "spec.containers[0].privileged",
    ],
    [
      `${STRICT}: a pod securityContext field on the pod spec itself`,
      pod("runAsUser: 1000\ncontainers:\n- name: app\n  image: x"),
      "wrong-level",
      `unknown field "spec.runAsUser" — runAsUser belongs in the pod's securityContext (spec.securityContext.runAsUser)`,
      "spec.runAsUser",
    ],
    [
      `${STRICT}: unknown sub-field of capabilities`,
      podWithContainerSc("capabilities:\n  drops: [ALL]"),
      "unknown-field",
      'unknown field "spec.containers[0].securityContext.capabilities.drops" — did you mean "drop"?',
      "spec.containers[0].securityContext.capabilities.drops",
    ],
    [
      `${STRICT}: containers under template.metadata (a common indentation slip)`,
      "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: d}\nspec:\n  template:\n    metadata:\n      containers: []\n    spec:\n      containers:\n      - name: a\n        image: x\n",
      "unknown-field",
      'unknown field "spec.template.metadata.containers"',
      "spec.template.metadata.containers",
    ],
    [
      `${STRICT}: keys like constructor are plain unknown fields`,
      podWithContainerSc("constructor: 1"),
      "unknown-field",
      'unknown field "spec.containers[0].securityContext.constructor"',
      "spec.containers[0].securityContext.constructor",
    ],
  ])("%s", (_rule, text, code, message, path) => {
    const fs = findingsOf(text);
    expect(fs).toHaveLength(1);
    expect(fs[0]).toMatchObject({ severity: "error", code, message, path, at: "key" });
  });

  it(`${STRICT}: __proto__ is an own key, reported, and nothing reaches Object.prototype`, () => {
    const fs = findingsOf(podWithContainerSc("__proto__:\n  polluted: true"));
    expect(fs.map((f) => f.message)).toEqual(['unknown field "spec.containers[0].securityContext.__proto__"']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it(`${STRICT}: paths are relative to the object in messages, from the document in findings (List items)`, () => {
    const text = `apiVersion: v1
kind: List
items:
- apiVersion: v1
  kind: ConfigMap
- apiVersion: apps/v1
  kind: Deployment
  metadata: {name: d}
  spec:
    template:
      spec:
        containers:
        - name: a
          image: x
          securityContext:
            runAsUsr: 1
`;
    const fs = findingsOf(text);
    expect(fs).toHaveLength(1);
    expect(fs[0].message).toBe('unknown field "spec.template.spec.containers[0].securityContext.runAsUsr" — did you mean "runAsUser"?');
    expect(fs[0].path).toBe("items[1].spec.template.spec.containers[0].securityContext.runAsUsr");
  });

  it(`${STRICT}: every kind's path to the pod spec (CronJob)`, () => {
    const text = `apiVersion: batch/v1
kind: CronJob
metadata: {name: c}
spec:
  schedule: "* * * * *"
  jobTemplate:
    spec:
      template:
        spec:
          restartPolicy: OnFailure
          containers:
          - name: a
            image: x
            securityContext:
              fsGroup: 1
`;
    expect(findingsOf(text).map((f) => f.message)).toEqual([
      `unknown field "spec.jobTemplate.spec.template.spec.containers[0].securityContext.fsGroup" — fsGroup exists only in the pod's securityContext (spec.jobTemplate.spec.template.spec.securityContext)`,
    ]);
  });
});

describe("fields newer than the API server (unknown there) and feature-gated fields (dropped there)", () => {
  const sgp = podWithPodSc("supplementalGroupsPolicy: Strict");
  it.each([
    // [rule, text, minor, expected findings as [severity, code, message]]
    ["catalogue added 1.31: unknown on 1.30", sgp, 30, [["error", "unknown-field", 'unknown field "spec.securityContext.supplementalGroupsPolicy" — supplementalGroupsPolicy was added in Kubernetes 1.31; a 1.30 API server does not know it']]],
    [
      "SupplementalGroupsPolicy gate alpha (off) in 1.31–1.32: dropped (pkg/api/pod/util.go dropDisabledFields)",
      sgp,
      32,
      [["warning", "dropped-field", "supplementalGroupsPolicy is dropped by a Kubernetes 1.32 API server: the SupplementalGroupsPolicy feature gate is off by default in 1.32 (alpha); it is on by default from 1.33."]],
    ],
    ["SupplementalGroupsPolicy beta on by default from 1.33", sgp, 33, []],
    [
      "ProcMountType off by default before 1.33: procMount reset to Default (dropDisabledProcMountField)",
      podWithContainerSc("procMount: Unmasked", "hostUsers: false\n"),
      32,
      [
        ["warning", "dropped-field", "hostUsers is dropped by a Kubernetes 1.32 API server: the UserNamespacesSupport feature gate is off by default in 1.32 (beta); it is on by default from 1.33."],
        ["warning", "dropped-field", 'procMount is reset to "Default" by a Kubernetes 1.32 API server: the ProcMountType feature gate is off by default in 1.32 (beta); it is on by default from 1.33.'],
      ],
    ],
    ["ProcMountType and UserNamespacesSupport on by default from 1.33", podWithContainerSc("procMount: Unmasked", "hostUsers: false\n"), 33, []],
    ["hostUsers appeared in 1.25 (UserNamespacesSupport alpha)", pod("hostUsers: false\ncontainers:\n- name: a\n  image: x"), 24, [["error", "unknown-field", 'unknown field "spec.hostUsers" — hostUsers was added in Kubernetes 1.25; a 1.24 API server does not know it']]],
    [
      "catalogue gives appArmorProfile only ga 1.30: unknown before",
      podWithContainerSc("appArmorProfile: {type: RuntimeDefault}"),
      29,
      [["error", "unknown-field", 'unknown field "spec.containers[0].securityContext.appArmorProfile" — appArmorProfile was added in Kubernetes 1.30; a 1.29 API server does not know it']],
    ],
    ["seLinuxChangePolicy (catalogue added 1.32) unknown on 1.31", podWithPodSc("seLinuxChangePolicy: Recursive"), 31, [["error", "unknown-field", 'unknown field "spec.securityContext.seLinuxChangePolicy" — seLinuxChangePolicy was added in Kubernetes 1.32; a 1.31 API server does not know it']]],
    ["SELinuxChangePolicy gate alpha in 1.32: dropped", podWithPodSc("seLinuxChangePolicy: Recursive"), 32, [["warning", "dropped-field", "seLinuxChangePolicy is dropped by a Kubernetes 1.32 API server: the SELinuxChangePolicy feature gate is off by default in 1.32 (alpha); it is on by default from 1.33."]]],
    [
      "init container restartPolicy appeared in 1.28 (SidecarContainers), as kubernetes/website#52675 shows",
      pod("initContainers:\n- name: i\n  image: x\n  restartPolicy: Always\ncontainers:\n- name: a\n  image: x"),
      27,
      [["error", "unknown-field", 'unknown field "spec.initContainers[0].restartPolicy" — restartPolicy was added in Kubernetes 1.28; a 1.27 API server does not know it']],
    ],
    [
      "IdentifyPodOS alpha (off) in 1.23: os dropped, so no OS rule runs",
      pod("os: {name: windows}\nsecurityContext:\n  runAsUser: 1\ncontainers:\n- name: a\n  image: x"),
      23,
      [["warning", "dropped-field", "os is dropped by a Kubernetes 1.23 API server: the IdentifyPodOS feature gate is off by default in 1.23 (alpha); it is on by default from 1.24."]],
    ],
    ["ObjectMeta clusterName existed through 1.24", "apiVersion: v1\nkind: Pod\nmetadata: {name: p, clusterName: c}\nspec:\n  containers:\n  - name: a\n    image: x\n", 24, []],
    [
      "ObjectMeta clusterName removed in 1.25",
      "apiVersion: v1\nkind: Pod\nmetadata: {name: p, clusterName: c}\nspec:\n  containers:\n  - name: a\n    image: x\n",
      25,
      [["error", "unknown-field", 'unknown field "metadata.clusterName" — clusterName was removed after Kubernetes 1.24']],
    ],
  ])("%s (1.%s)", (_rule, text, minor, expected) => {
    expect(findingsOf(text, minor).map((f) => [f.severity, f.code, f.message])).toEqual(expected);
  });
});

describe("wrong JSON types (the API server fails decoding)", () => {
  it.each([
    // [rule, manifest, message, path]
    [`${JSON_TYPE}: a quoted number`, podWithContainerSc('runAsUser: "1000"'), "json: cannot unmarshal string into Go struct field SecurityContext.spec.containers.securityContext.runAsUser of type int64", "spec.containers[0].securityContext.runAsUser"],
    [`${JSON_TYPE}: a fraction prints its number`, podWithContainerSc("runAsUser: 1.5"), "json: cannot unmarshal number 1.5 into Go struct field SecurityContext.spec.containers.securityContext.runAsUser of type int64", "spec.containers[0].securityContext.runAsUser"],
    [`${JSON_TYPE}: beyond int64, as kubectl's JSON writes it`, podWithContainerSc("runAsUser: 1e20"), "json: cannot unmarshal number 100000000000000000000 into Go struct field SecurityContext.spec.containers.securityContext.runAsUser of type int64", "spec.containers[0].securityContext.runAsUser"],
    [`${JSON_TYPE}: a bool for an id`, podWithContainerSc("runAsUser: true"), "json: cannot unmarshal bool into Go struct field SecurityContext.spec.containers.securityContext.runAsUser of type int64", "spec.containers[0].securityContext.runAsUser"],
    [`${JSON_TYPE}: PodSecurityContext is the struct at pod level`, podWithPodSc('fsGroup: "2000"'), "json: cannot unmarshal string into Go struct field PodSecurityContext.spec.securityContext.fsGroup of type int64", "spec.securityContext.fsGroup"],
    [`${JSON_TYPE}: a string for a bool`, podWithContainerSc('privileged: "true"'), "json: cannot unmarshal string into Go struct field SecurityContext.spec.containers.securityContext.privileged of type bool", "spec.containers[0].securityContext.privileged"],
    [`${JSON_TYPE}: named string type`, podWithContainerSc("procMount: 1"), "json: cannot unmarshal number into Go struct field SecurityContext.spec.containers.securityContext.procMount of type v1.ProcMountType", "spec.containers[0].securityContext.procMount"],
    [`${JSON_TYPE}: array item of a named type`, podWithContainerSc("capabilities:\n  add: [NET_ADMIN, 7]"), "json: cannot unmarshal number into Go struct field Capabilities.spec.containers.securityContext.capabilities.add of type v1.Capability", "spec.containers[0].securityContext.capabilities.add[1]"],
    [`${JSON_TYPE}: a map where a list goes`, podWithPodSc("supplementalGroups: {a: 1}"), "json: cannot unmarshal object into Go struct field PodSecurityContext.spec.securityContext.supplementalGroups of type []int64", "spec.securityContext.supplementalGroups"],
    [`${JSON_TYPE}: a list item of the wrong type`, podWithPodSc('supplementalGroups: [1, "2"]'), "json: cannot unmarshal string into Go struct field PodSecurityContext.spec.securityContext.supplementalGroups of type int64", "spec.securityContext.supplementalGroups[1]"],
    [`${JSON_TYPE}: a string where a struct goes`, pod("containers:\n- name: a\n  image: x\n  securityContext: nope"), "json: cannot unmarshal string into Go struct field Container.spec.containers.securityContext of type v1.SecurityContext", "spec.containers[0].securityContext"],
    [`${JSON_TYPE}: a list where a struct goes`, podWithContainerSc("seccompProfile: [RuntimeDefault]"), "json: cannot unmarshal array into Go struct field SecurityContext.spec.containers.securityContext.seccompProfile of type v1.SeccompProfile", "spec.containers[0].securityContext.seccompProfile"],
    [`${JSON_TYPE}: containers not a list`, pod("containers: app"), "json: cannot unmarshal string into Go struct field PodSpec.spec.containers of type []v1.Container", "spec.containers"],
    [`${JSON_TYPE}: a container that is not an object`, pod("containers:\n- app"), "json: cannot unmarshal string into Go struct field PodSpec.spec.containers of type v1.Container", "spec.containers[0]"],
    [`${JSON_TYPE}: hostNetwork as a string`, pod('hostNetwork: "true"\ncontainers:\n- name: a\n  image: x'), "json: cannot unmarshal string into Go struct field PodSpec.spec.hostNetwork of type bool", "spec.hostNetwork"],
    [`${JSON_TYPE}: whole Deployment path, no indices`, "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: d}\nspec:\n  template:\n    spec:\n      containers:\n      - name: a\n        image: x\n        securityContext:\n          runAsUser: '1000'\n", "json: cannot unmarshal string into Go struct field SecurityContext.spec.template.spec.containers.securityContext.runAsUser of type int64", "spec.template.spec.containers[0].securityContext.runAsUser"],
    ["encoding/json Marshal (kubectl): NaN cannot be sent", podWithContainerSc("runAsUser: .nan"), "json: unsupported value: NaN", "spec.containers[0].securityContext.runAsUser"],
  ])("%s", (_rule, text, message, path) => {
    const fs = findingsOf(text);
    expect(fs.filter((f) => f.code === "wrong-type")).toEqual([expect.objectContaining({ severity: "error", message, path, at: "value" })]);
  });

  it(`${JSON_TYPE}: values that decode are not type errors (1000.0 is sent as 1000; -1 and 2147483648 are int64)`, () => {
    for (const v of ["1000", "1000.0", "-1", "2147483648", "0x10", "null", "~"]) {
      expect(findingsOf(podWithContainerSc(`runAsUser: ${v}`)).filter((f) => f.code === "wrong-type")).toEqual([]);
    }
  });
});

describe("no findings on real manifests", () => {
  const here = (name: string) => fileURLToPath(new URL(`../examples/${name}`, import.meta.url));

  it.each(["golden-standard.yaml", "hardened-app.yaml"])("seed example %s, at every supported version", (name) => {
    const text = readFileSync(here(name), "utf8");
    for (let minor = 23; minor <= 37; minor++) expect(findingsOf(text, minor)).toEqual([]);
  });

  it("a `kubectl get deploy -o yaml` dump with managedFields and status", () => {
    expect(findingsOf(DEPLOYMENT_DUMP)).toEqual([]);
    expect(findingsOf(DEPLOYMENT_DUMP, 23)).toEqual([]);
  });

  it("a `kubectl get pods -o yaml` List with status", () => {
    expect(findingsOf(POD_LIST_DUMP)).toEqual([]);
  });

  it("Helm output: StatefulSet, DaemonSet, Job, CronJob, ReplicaSet, ReplicationController, PodTemplate", () => {
    expect(targetsOf(HELM_OUTPUT)).toHaveLength(7);
    expect(findingsOf(HELM_OUTPUT)).toEqual([]);
    expect(findingsOf(HELM_OUTPUT, 30)).toEqual([]);
  });

  it("validateWorkload is the same as the unguarded checks", () => {
    const [t] = targetsOf(podWithContainerSc("runAsUsr: 1"));
    expect(validateWorkload(t).map((f) => f.code)).toEqual(["unknown-field"]);
  });
});

const DEPLOYMENT_DUMP = `apiVersion: apps/v1
kind: Deployment
metadata:
  annotations:
    deployment.kubernetes.io/revision: "3"
    kubectl.kubernetes.io/last-applied-configuration: |
      {"apiVersion":"apps/v1","kind":"Deployment","metadata":{"annotations":{},"name":"web","namespace":"default"},"spec":{"replicas":2}}
  creationTimestamp: "2025-01-10T10:00:00Z"
  generation: 3
  labels:
    app.kubernetes.io/name: web
  managedFields:
  - apiVersion: apps/v1
    fieldsType: FieldsV1
    fieldsV1:
      f:metadata:
        f:annotations:
          .: {}
          f:kubectl.kubernetes.io/last-applied-configuration: {}
      f:spec:
        f:template:
          f:spec:
            f:containers:
              k:{"name":"web"}:
                .: {}
                f:securityContext:
                  .: {}
                  f:runAsUser: {}
    manager: kubectl-client-side-apply
    operation: Update
    time: "2025-01-10T10:00:00Z"
  - apiVersion: apps/v1
    fieldsType: FieldsV1
    fieldsV1:
      f:status:
        f:availableReplicas: {}
        f:conditions: {}
    manager: kube-controller-manager
    operation: Update
    subresource: status
    time: "2025-01-10T10:01:00Z"
  name: web
  namespace: default
  resourceVersion: "123456"
  uid: 3f1c2d7e-8a45-4b3c-9d1e-5a6b7c8d9e0f
spec:
  progressDeadlineSeconds: 600
  replicas: 2
  revisionHistoryLimit: 10
  selector:
    matchLabels:
      app.kubernetes.io/name: web
  strategy:
    rollingUpdate:
      maxSurge: 25%
      maxUnavailable: 25%
    type: RollingUpdate
  template:
    metadata:
      annotations:
        kubectl.kubernetes.io/restartedAt: "2025-01-10T09:59:00Z"
      creationTimestamp: null
      labels:
        app.kubernetes.io/name: web
    spec:
      affinity:
        podAntiAffinity:
          preferredDuringSchedulingIgnoredDuringExecution:
          - podAffinityTerm:
              labelSelector:
                matchLabels:
                  app.kubernetes.io/name: web
              topologyKey: kubernetes.io/hostname
            weight: 100
      automountServiceAccountToken: false
      containers:
      - env:
        - name: POD_NAME
          valueFrom:
            fieldRef:
              apiVersion: v1
              fieldPath: metadata.name
        image: nginxinc/nginx-unprivileged:1.27
        imagePullPolicy: IfNotPresent
        livenessProbe:
          failureThreshold: 3
          httpGet:
            path: /healthz
            port: http
            scheme: HTTP
          periodSeconds: 10
          successThreshold: 1
          timeoutSeconds: 1
        name: web
        ports:
        - containerPort: 8080
          name: http
          protocol: TCP
        resources:
          limits:
            cpu: 500m
            memory: 128Mi
          requests:
            cpu: 100m
            memory: 64Mi
        securityContext:
          allowPrivilegeEscalation: false
          capabilities:
            drop:
            - ALL
          readOnlyRootFilesystem: true
          runAsNonRoot: true
          runAsUser: 101
          seccompProfile:
            type: RuntimeDefault
        terminationMessagePath: /dev/termination-log
        terminationMessagePolicy: File
        volumeMounts:
        - mountPath: /tmp
          name: tmp
      dnsPolicy: ClusterFirst
      restartPolicy: Always
      schedulerName: default-scheduler
      securityContext:
        fsGroup: 101
        runAsNonRoot: true
      serviceAccount: web
      serviceAccountName: web
      terminationGracePeriodSeconds: 30
      tolerations:
      - effect: NoSchedule
        key: dedicated
        operator: Equal
        value: web
      volumes:
      - emptyDir: {}
        name: tmp
status:
  availableReplicas: 2
  conditions:
  - lastTransitionTime: "2025-01-10T10:00:30Z"
    lastUpdateTime: "2025-01-10T10:00:30Z"
    message: Deployment has minimum availability.
    reason: MinimumReplicasAvailable
    status: "True"
    type: Available
  observedGeneration: 3
  readyReplicas: 2
  replicas: 2
  updatedReplicas: 2
`;

const POD_LIST_DUMP = `apiVersion: v1
items:
- apiVersion: v1
  kind: Pod
  metadata:
    creationTimestamp: "2025-01-10T10:00:01Z"
    generateName: web-7d9f8b6c5d-
    labels:
      app.kubernetes.io/name: web
      pod-template-hash: 7d9f8b6c5d
    name: web-7d9f8b6c5d-abcde
    namespace: default
    ownerReferences:
    - apiVersion: apps/v1
      blockOwnerDeletion: true
      controller: true
      kind: ReplicaSet
      name: web-7d9f8b6c5d
      uid: 0b1c2d3e-0000-4000-8000-000000000000
    resourceVersion: "123470"
    uid: 1a2b3c4d-0000-4000-8000-000000000000
  spec:
    containers:
    - image: nginxinc/nginx-unprivileged:1.27
      imagePullPolicy: IfNotPresent
      name: web
      resources: {}
      securityContext:
        allowPrivilegeEscalation: false
        capabilities:
          drop: [ALL]
        runAsNonRoot: true
        runAsUser: 101
      terminationMessagePath: /dev/termination-log
      terminationMessagePolicy: File
      volumeMounts:
      - mountPath: /var/run/secrets/kubernetes.io/serviceaccount
        name: kube-api-access-xyz
        readOnly: true
    dnsPolicy: ClusterFirst
    enableServiceLinks: true
    nodeName: node-1
    preemptionPolicy: PreemptLowerPriority
    priority: 0
    restartPolicy: Always
    schedulerName: default-scheduler
    securityContext:
      seccompProfile:
        type: RuntimeDefault
    serviceAccount: default
    serviceAccountName: default
    terminationGracePeriodSeconds: 30
    tolerations:
    - effect: NoExecute
      key: node.kubernetes.io/not-ready
      operator: Exists
      tolerationSeconds: 300
    volumes:
    - name: kube-api-access-xyz
      projected:
        defaultMode: 420
        sources:
        - serviceAccountToken:
            expirationSeconds: 3607
            path: token
        - configMap:
            items:
            - key: ca.crt
              path: ca.crt
            name: kube-root-ca.crt
  status:
    conditions:
    - lastProbeTime: null
      lastTransitionTime: "2025-01-10T10:00:01Z"
      status: "True"
      type: Ready
    containerStatuses:
    - containerID: containerd://abc
      image: docker.io/nginxinc/nginx-unprivileged:1.27
      imageID: docker.io/nginxinc/nginx-unprivileged@sha256:00
      lastState: {}
      name: web
      ready: true
      restartCount: 0
      started: true
      state:
        running:
          startedAt: "2025-01-10T10:00:02Z"
    hostIP: 10.0.0.1
    phase: Running
    podIP: 10.244.0.5
    qosClass: BestEffort
    startTime: "2025-01-10T10:00:01Z"
kind: List
metadata:
  resourceVersion: ""
`;

const HELM_OUTPUT = `---
# Source: app/templates/statefulset.yaml
apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: db
  labels:
    helm.sh/chart: app-1.0.0
spec:
  serviceName: db
  replicas: 1
  podManagementPolicy: OrderedReady
  persistentVolumeClaimRetentionPolicy:
    whenDeleted: Retain
    whenScaled: Retain
  selector:
    matchLabels: {app: db}
  updateStrategy:
    type: RollingUpdate
  template:
    metadata:
      labels: {app: db}
      annotations:
        checksum/config: abc
    spec:
      serviceAccountName: db
      priorityClassName: high
      imagePullSecrets:
      - name: regcred
      securityContext:
        fsGroup: 999
        fsGroupChangePolicy: OnRootMismatch
        runAsUser: 999
        runAsGroup: 999
        runAsNonRoot: true
        supplementalGroups: [1000]
        seccompProfile:
          type: RuntimeDefault
        sysctls:
        - name: net.ipv4.ip_unprivileged_port_start
          value: "0"
      initContainers:
      - name: init-perms
        image: busybox:1.36
        command: ["sh", "-c", "chown -R 999:999 /data"]
        securityContext:
          runAsUser: 0
          runAsNonRoot: false
          capabilities:
            add: [CHOWN]
            drop: [ALL]
        volumeMounts:
        - name: data
          mountPath: /data
      containers:
      - name: db
        image: "postgres:16"
        imagePullPolicy: IfNotPresent
        args: ["-c", "max_connections=200"]
        env:
        - name: PGDATA
          value: /data/pgdata
        - name: POSTGRES_PASSWORD
          valueFrom:
            secretKeyRef: {name: db, key: password}
        ports:
        - name: pg
          containerPort: 5432
        readinessProbe:
          exec:
            command: ["pg_isready"]
        startupProbe:
          tcpSocket: {port: pg}
        lifecycle:
          preStop:
            exec:
              command: ["sh", "-c", "sleep 5"]
        securityContext:
          allowPrivilegeEscalation: false
          readOnlyRootFilesystem: true
          capabilities:
            drop: [ALL]
          seLinuxOptions:
            level: "s0:c123,c456"
        volumeMounts:
        - name: data
          mountPath: /data
      topologySpreadConstraints:
      - maxSkew: 1
        topologyKey: topology.kubernetes.io/zone
        whenUnsatisfiable: ScheduleAnyway
        labelSelector:
          matchLabels: {app: db}
      tolerations: []
      nodeSelector:
        kubernetes.io/os: linux
  volumeClaimTemplates:
  - metadata:
      name: data
    spec:
      accessModes: [ReadWriteOnce]
      resources:
        requests:
          storage: 10Gi
---
# Source: app/templates/daemonset.yaml
apiVersion: apps/v1
kind: DaemonSet
metadata:
  name: agent
spec:
  selector:
    matchLabels: {app: agent}
  updateStrategy:
    type: RollingUpdate
    rollingUpdate: {maxUnavailable: 1}
  template:
    metadata:
      labels: {app: agent}
    spec:
      hostNetwork: true
      hostPID: true
      dnsPolicy: ClusterFirstWithHostNet
      containers:
      - name: agent
        image: agent:2
        securityContext:
          privileged: true
        volumeMounts:
        - {name: proc, mountPath: /host/proc, readOnly: true}
      volumes:
      - name: proc
        hostPath: {path: /proc, type: Directory}
---
apiVersion: batch/v1
kind: Job
metadata:
  name: migrate
spec:
  backoffLimit: 2
  ttlSecondsAfterFinished: 600
  template:
    spec:
      restartPolicy: Never
      containers:
      - name: migrate
        image: app:1
        securityContext:
          runAsNonRoot: true
          runAsUser: 1000
          allowPrivilegeEscalation: false
---
apiVersion: batch/v1
kind: CronJob
metadata:
  name: backup
spec:
  schedule: "0 3 * * *"
  concurrencyPolicy: Forbid
  successfulJobsHistoryLimit: 3
  jobTemplate:
    metadata:
      labels: {app: backup}
    spec:
      template:
        spec:
          restartPolicy: OnFailure
          containers:
          - name: backup
            image: backup:1
            securityContext:
              seccompProfile:
                type: Localhost
                localhostProfile: profiles/backup.json
---
apiVersion: apps/v1
kind: ReplicaSet
metadata:
  name: rs
spec:
  replicas: 1
  selector:
    matchLabels: {app: rs}
  template:
    metadata:
      labels: {app: rs}
    spec:
      containers:
      - name: rs
        image: rs:1
---
apiVersion: v1
kind: ReplicationController
metadata:
  name: rc
spec:
  replicas: 1
  selector: {app: rc}
  template:
    metadata:
      labels: {app: rc}
    spec:
      containers:
      - name: rc
        image: rc:1
---
apiVersion: v1
kind: PodTemplate
metadata:
  name: pt
template:
  metadata:
    labels: {app: pt}
  spec:
    containers:
    - name: pt
      image: pt:1
      securityContext:
        windowsOptions:
          runAsUserName: "NT AUTHORITY\\\\NETWORK SERVICE"
`;
