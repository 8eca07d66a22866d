// Realistic `kubectl get pods -A -o yaml` dumps: metadata with labels, annotations and
// managedFields, a spec with several containers and security contexts, and a status block.

function pod(i: number): string {
  const ns = `team-${i % 17}`;
  const name = `web-${i.toString(36)}-7d9c8b6f5-${(i * 7919).toString(36).slice(-5)}`;
  const lastApplied = JSON.stringify({ apiVersion: "v1", kind: "Pod", metadata: { name, namespace: ns }, spec: { containers: [{ name: "app", image: "registry.example.com/shop/web:2.14.1" }] } });
  return `- apiVersion: v1
  kind: Pod
  metadata:
    annotations:
      kubectl.kubernetes.io/last-applied-configuration: '${lastApplied}'
      prometheus.io/scrape: "true"
      prometheus.io/port: "9102"
    creationTimestamp: "2026-11-0${(i % 9) + 1}T10:${String(i % 60).padStart(2, "0")}:00Z"
    generateName: web-${i.toString(36)}-7d9c8b6f5-
    labels:
      app.kubernetes.io/name: web
      app.kubernetes.io/instance: web-${i % 13}
      pod-template-hash: 7d9c8b6f5
    managedFields:
    - apiVersion: v1
      fieldsType: FieldsV1
      fieldsV1:
        f:metadata:
          f:generateName: {}
          f:labels:
            .: {}
            f:app.kubernetes.io/name: {}
            f:pod-template-hash: {}
          f:ownerReferences:
            .: {}
            k:{"uid":"6a0d0c1e-1b5e-4c1e-9a51-${String(i).padStart(12, "0")}"}: {}
        f:spec:
          f:containers:
            k:{"name":"app"}:
              .: {}
              f:image: {}
              f:imagePullPolicy: {}
              f:name: {}
              f:resources: {}
              f:securityContext:
                .: {}
                f:allowPrivilegeEscalation: {}
                f:readOnlyRootFilesystem: {}
      manager: kube-controller-manager
      operation: Update
      time: "2026-11-01T10:00:00Z"
    name: ${name}
    namespace: ${ns}
    ownerReferences:
    - apiVersion: apps/v1
      blockOwnerDeletion: true
      controller: true
      kind: ReplicaSet
      name: web-${i.toString(36)}-7d9c8b6f5
      uid: 6a0d0c1e-1b5e-4c1e-9a51-${String(i).padStart(12, "0")}
    resourceVersion: "${1000 + i}"
    uid: 1f2e3d4c-5b6a-4789-8abc-${String(i).padStart(12, "0")}
  spec:
    securityContext:
      runAsNonRoot: true
      runAsUser: ${1000 + (i % 5)}
      fsGroup: 2000
      seccompProfile:
        type: RuntimeDefault
    initContainers:
    - name: init-config
      image: registry.example.com/shop/init:1.0.${i % 10}
      command: ["sh", "-c", "cp /defaults/* /config/"]
      volumeMounts:
      - mountPath: /config
        name: config
    containers:
    - name: app
      image: registry.example.com/shop/web:2.14.1
      imagePullPolicy: IfNotPresent
      ports:
      - containerPort: 8080
        name: http
        protocol: TCP
      resources:
        limits: {cpu: 500m, memory: 256Mi}
        requests: {cpu: 100m, memory: 128Mi}
      securityContext:
        allowPrivilegeEscalation: false
        readOnlyRootFilesystem: true
        capabilities:
          drop: ["ALL"]
          add: ["NET_BIND_SERVICE"]
      volumeMounts:
      - mountPath: /tmp
        name: tmp
      - mountPath: /var/run/secrets/kubernetes.io/serviceaccount
        name: kube-api-access-${(i * 31).toString(36).slice(-5)}
        readOnly: true
    - name: metrics
      image: registry.example.com/ops/exporter:0.9
      securityContext:
        runAsUser: ${i % 7 === 0 ? 0 : 65534}
        privileged: ${i % 50 === 0}
    dnsPolicy: ClusterFirst
    nodeName: node-${i % 40}
    restartPolicy: Always
    schedulerName: default-scheduler
    serviceAccountName: web
    terminationGracePeriodSeconds: 30
    tolerations:
    - effect: NoExecute
      key: node.kubernetes.io/not-ready
      operator: Exists
      tolerationSeconds: 300
    volumes:
    - emptyDir: {}
      name: tmp
    - configMap: {name: web-config}
      name: config
  status:
    conditions:
    - lastProbeTime: null
      lastTransitionTime: "2026-11-01T10:00:05Z"
      status: "True"
      type: Ready
    containerStatuses:
    - containerID: containerd://${String(i).padStart(64, "a")}
      image: registry.example.com/shop/web:2.14.1
      imageID: registry.example.com/shop/web@sha256:${String(i).padStart(64, "0")}
      lastState: {}
      name: app
      ready: true
      restartCount: 0
      started: true
      state:
        running:
          startedAt: "2026-11-01T10:00:04Z"
    hostIP: 10.0.${i % 250}.${i % 200}
    phase: Running
    podIP: 10.244.${i % 250}.${i % 250}
    qosClass: Burstable
    startTime: "2026-11-01T10:00:00Z"
`;
}

/** A `kind: List` of n pods, as `kubectl get pods -A -o yaml` prints it. */
export function podDump(n: number): string {
  return [...podItems(n)].join("");
}

/** The same dump in parts (head, one per pod, tail), for writing a big one without holding it. */
export function* podItems(n: number): Generator<string> {
  yield "apiVersion: v1\nitems:\n";
  for (let i = 0; i < n; i++) yield pod(i);
  yield 'kind: List\nmetadata:\n  resourceVersion: ""\n';
}
