// The examples a person can open from the toolbar; the first is what the playground opens on. Each
// is a realistic manifest in src/core/examples/ (the lessons use seven of them too).
import golden from "../core/examples/golden-standard.yaml?raw";
import hardened from "../core/examples/hardened-app.yaml?raw";
import override from "../core/examples/override.yaml?raw";
import deployment from "../core/examples/deployment-with-sidecar.yaml?raw";
import runAsNonRoot from "../core/examples/run-as-non-root.yaml?raw";
import fsGroup from "../core/examples/fsgroup-volume.yaml?raw";
import readOnly from "../core/examples/read-only-root.yaml?raw";
import escalation from "../core/examples/escalation.yaml?raw";
import logAgent from "../core/examples/log-agent-hostpath.yaml?raw";
import cni from "../core/examples/cni-daemonset-privileged.yaml?raw";
import sysctls from "../core/examples/sysctls.yaml?raw";
import windows from "../core/examples/windows.yaml?raw";
import debug from "../core/examples/debug-ephemeral.yaml?raw";
import helm from "../core/examples/helm-deployment.yaml?raw";
import cronjob from "../core/examples/cronjob-backup.yaml?raw";

export interface Example {
  id: string;
  title: string;
  text: string;
}

export const EXAMPLES: readonly Example[] = [
  { id: "golden-standard", title: "“Golden standard” pod (from the guide)", text: golden },
  { id: "hardened-app", title: "Hardened app with NET_BIND_SERVICE", text: hardened },
  { id: "override", title: "Container overrides pod: runAsUser 1000 vs 2000", text: override },
  { id: "run-as-non-root", title: "runAsNonRoot with an image that runs as root", text: runAsNonRoot },
  { id: "fsgroup-volume", title: "fsGroup and a shared volume", text: fsGroup },
  { id: "read-only-root", title: "Read-only root with an emptyDir for /tmp", text: readOnly },
  { id: "escalation", title: "No privilege escalation (no_new_privs)", text: escalation },
  { id: "deployment-sidecar", title: "Deployment with init + sidecar, and a CronJob", text: deployment },
  { id: "helm-deployment", title: "Helm-style Deployment (labels, annotations)", text: helm },
  { id: "cronjob-backup", title: "CronJob: nightly database backup", text: cronjob },
  { id: "log-agent-hostpath", title: "Log agent DaemonSet reading hostPath /var/log", text: logAgent },
  { id: "cni-privileged", title: "Privileged CNI DaemonSet (host network)", text: cni },
  { id: "sysctls", title: "Pod sysctls: one safe, one not", text: sysctls },
  { id: "windows", title: "Windows pod (runAsUserName)", text: windows },
  { id: "debug-ephemeral", title: "kubectl debug: an ephemeral container", text: debug },
];
