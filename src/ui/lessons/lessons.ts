// Short lessons built on the two seed documents (../shared/seeds/): each has a manifest, a few
// paragraphs, and "try this" steps whose outcome the playground shows. A step is done when its
// check holds on the current analysis, so the learner sees the ✓ appear as they edit.

import type { Analysis, Container } from "../../core/types";
import override from "../../core/examples/override.yaml?raw";
import runAsNonRoot from "../../core/examples/run-as-non-root.yaml?raw";
import fsGroup from "../../core/examples/fsgroup-volume.yaml?raw";
import hardened from "../../core/examples/hardened-app.yaml?raw";
import readOnly from "../../core/examples/read-only-root.yaml?raw";
import escalation from "../../core/examples/escalation.yaml?raw";
import golden from "../../core/examples/golden-standard.yaml?raw";

export interface LessonStep {
  /** What to try. */
  say: string;
  /** What the playground shows once it is done. */
  outcome: string;
  /** A one-click way to make the edit (find → replace in the text), for a trainer in a hurry. */
  edit?: { find: string; replace: string };
  /** Sets the image user of a container instead of editing the text. */
  imageUser?: { container: string; user: string };
  /** Picks a runtime release line (the runtime select), for steps that compare runtimes. */
  runtime?: { runtime: "containerd" | "cri-o"; runtimeVersion?: string };
  done(a: Analysis): boolean;
}

export interface Lesson {
  id: string;
  title: string;
  summary: string;
  manifest: string;
  body: string[];
  steps: LessonStep[];
}

const container = (a: Analysis, name: string, w = 0): Container | undefined => a.workloads[w]?.containers.find((c) => c.name === name);

export const LESSONS: readonly Lesson[] = [
  {
    id: "hierarchy",
    title: "Pod and container: which one wins",
    summary: "spec.securityContext applies to every container; a container's own value replaces it.",
    manifest: override,
    body: [
      "A securityContext can sit in two places. The pod's (spec.securityContext) is inherited by every container; a container's own securityContext applies to it alone. When both set the same field, the kubelet takes the container's value.",
      "Not every field exists in both places. runAsUser, runAsGroup, runAsNonRoot, seccompProfile, appArmorProfile, seLinuxOptions and windowsOptions do. fsGroup, supplementalGroups and sysctls live only on the pod; capabilities, privileged, readOnlyRootFilesystem, allowPrivilegeEscalation and procMount only on the container.",
    ],
    steps: [
      {
        say: "Look at container-1's runAsUser row: the P badge says it came from the pod.",
        outcome: "container-1 runs as 1000, inherited.",
        done: (a) => container(a, "container-1")?.effective.runAsUser.source === "pod",
      },
      {
        say: "Change container-2's runAsUser from 2000 to 3000.",
        outcome: "container-2 shows 3000 (overrides pod 1000); the edge is drawn as an override.",
        edit: { find: "runAsUser: 2000", replace: "runAsUser: 3000" },
        done: (a) => container(a, "container-2")?.effective.runAsUser.value === 3000,
      },
      {
        say: "Delete the pod-level runAsUser line.",
        outcome: "container-1 now runs as the image's user (I badge): root, unless the image says otherwise.",
        edit: { find: "  securityContext:\n    runAsUser: 1000\n", replace: "" },
        done: (a) => container(a, "container-1")?.effective.runAsUser.source === "image",
      },
    ],
  },
  {
    id: "run-as-non-root",
    title: "Running as a user, and how runAsNonRoot fails",
    summary: "runAsNonRoot is a check the kubelet makes before start; it does not pick a user.",
    manifest: runAsNonRoot,
    body: [
      "runAsUser makes the runtime switch to a uid before it starts your program. runAsNonRoot: true is only a check: the kubelet looks at runAsUser, or else at the image's USER, and refuses to start the container if that is uid 0.",
      "The refusal is a pod status, CreateContainerConfigError, with the kubelet's message. It happens on the node, after the API server accepted the pod.",
    ],
    steps: [
      {
        say: "The image (nginx) runs as root. Read the container's status in the panel.",
        outcome: "CreateContainerConfigError: container has runAsNonRoot and image will run as root.",
        done: (a) => container(a, "web")?.startup?.reason === "CreateContainerConfigError",
      },
      {
        say: "Add runAsUser: 101 under the pod's securityContext.",
        outcome: "The check passes: the container starts as uid 101.",
        edit: { find: "    runAsNonRoot: true\n", replace: "    runAsNonRoot: true\n    runAsUser: 101\n" },
        done: (a) => container(a, "web")?.effective.runAsUser.value === 101 && container(a, "web")?.startup?.ok === true,
      },
      {
        say: "Set runAsUser to 0.",
        outcome: "CreateContainerConfigError: container's runAsUser breaks non-root policy.",
        edit: { find: "runAsUser: 101", replace: "runAsUser: 0" },
        done: (a) => (container(a, "web")?.startup?.message ?? "").startsWith("container's runAsUser breaks non-root policy"),
      },
      {
        say: "Remove runAsUser again and set the image's USER to the name nginx (panel, Image USER).",
        outcome: "The kubelet cannot check a user name: the container has runAsNonRoot and image has non-numeric user.",
        edit: { find: "    runAsUser: 0\n", replace: "" },
        imageUser: { container: "web", user: "nginx" },
        done: (a) => (container(a, "web")?.startup?.message ?? "").includes("non-numeric user"),
      },
    ],
  },
  {
    id: "fsgroup",
    title: "fsGroup and volumes",
    summary: "fsGroup gives the pod's volumes a group the non-root process belongs to.",
    manifest: fsGroup,
    body: [
      "A process running as uid 1000 cannot write to a volume owned by root. fsGroup fixes that: the kubelet changes the group of the volume's files to the fsGroup (and sets the setgid bit on directories), and the runtime adds the fsGroup to every container's supplementary groups.",
      "It applies only to volume types whose ownership the kubelet manages (emptyDir, most persistent volumes, configMap and secret); never to hostPath. fsGroupChangePolicy: OnRootMismatch skips the walk over a large volume when its root already matches.",
    ],
    steps: [
      {
        say: "Open the writer container's /proc/1/status: the Groups line.",
        outcome: "Groups holds 2000, the fsGroup, next to the primary group 3000.",
        done: (a) => container(a, "writer")?.process?.groups.includes(2000) === true,
      },
      {
        say: "Add fsGroupChangePolicy: OnRootMismatch under the pod's securityContext.",
        outcome: "fsGroupChangePolicy shows OnRootMismatch, from the pod.",
        edit: { find: "    fsGroup: 2000\n", replace: "    fsGroup: 2000\n    fsGroupChangePolicy: OnRootMismatch\n" },
        done: (a) => container(a, "writer")?.effective.fsGroupChangePolicy.value === "OnRootMismatch",
      },
      {
        say: "Try moving fsGroup into the container's securityContext.",
        outcome: "The API server does not know fsGroup there: an unknown-field error explains it belongs to the pod.",
        edit: { find: "    command:", replace: "    securityContext:\n      fsGroup: 2000\n    command:" },
        done: (a) => a.diagnostics.some((d) => d.code === "wrong-level"),
      },
    ],
  },
  {
    id: "capabilities",
    title: "Capabilities: drop ALL, add back one",
    summary: "Why a non-root process still has no effective capabilities after add: [NET_BIND_SERVICE].",
    manifest: hardened,
    body: [
      "Root's powers are split into capabilities. The runtime gives a container a default set (14 with containerd, 9 with CRI-O); capabilities.drop and add change that set, which becomes the process's bounding set.",
      "When the program starts (execve), the kernel gives uid 0 its whole bounding set as effective capabilities. Any other uid gets none, unless ambient or file capabilities say otherwise. So with runAsUser: 1000, add: [NET_BIND_SERVICE] puts the capability in the bounding set only.",
    ],
    steps: [
      {
        say: "In /proc/1/status, open CapBnd and CapEff.",
        outcome: "CapBnd holds CAP_NET_BIND_SERVICE (0000000000000400); CapEff is empty.",
        done: (a) => container(a, "app")?.process?.capHex.CapBnd === "0000000000000400" && container(a, "app")?.process?.capHex.CapEff === "0000000000000000",
      },
      {
        say: "Try this: can uid 1000 bind port 80? Pick containerd 1.7 and find “Bind a port below 1024” under What can it do?",
        outcome: "Cannot: NET_BIND_SERVICE is only in the bounding set, and containerd 1.7 leaves net.ipv4.ip_unprivileged_port_start at 1024.",
        runtime: { runtime: "containerd", runtimeVersion: "1.7" },
        done: (a) => a.runtime === "containerd" && a.runtimeVersion === "1.7" && bindVerdict(a) === "blocked",
      },
      {
        say: "Now pick CRI-O.",
        outcome: "Still cannot: CRI-O sets no unprivileged-port sysctl by default (default_sysctls is empty).",
        runtime: { runtime: "cri-o" },
        done: (a) => a.runtime === "cri-o" && bindVerdict(a) === "blocked",
      },
      {
        say: "And the newest containerd (2.x).",
        outcome: "Can: containerd 2.x sets net.ipv4.ip_unprivileged_port_start=0 in the pod's network namespace, so any uid binds :80, with or without NET_BIND_SERVICE.",
        runtime: { runtime: "containerd" },
        done: (a) => a.runtime === "containerd" && a.runtimeVersion.startsWith("2.") && bindVerdict(a) === "allowed",
      },
      {
        say: "Change the pod's runAsUser to 0 (and remove runAsNonRoot, or the kubelet refuses to start it).",
        outcome: "As root, CapEff equals CapBnd: only NET_BIND_SERVICE.",
        edit: { find: "    runAsNonRoot: true\n    runAsUser: 1000\n", replace: "    runAsUser: 0\n" },
        done: (a) => container(a, "app")?.process?.capHex.CapEff === "0000000000000400",
      },
      {
        say: "Remove the drop: [ALL] so only add remains.",
        outcome: "The runtime's default set comes back: CapBnd 00000000a80425fb with containerd.",
        edit: { find: "          drop:\n            - ALL\n", replace: "" },
        done: (a) => container(a, "app")?.process?.capHex.CapBnd === "00000000a80425fb",
      },
    ],
  },
  {
    id: "read-only-root",
    title: "Read-only root, with an emptyDir for /tmp",
    summary: "readOnlyRootFilesystem mounts the image read-only; volumes stay writable.",
    manifest: readOnly,
    body: [
      "readOnlyRootFilesystem: true mounts the container's root filesystem read-only: a downloaded script cannot be saved into the image's directories, and binaries cannot be replaced.",
      "Programs that need scratch space get a volume: an emptyDir mounted at /tmp stays writable (and, unlike the root, executable unless the mount says otherwise).",
    ],
    steps: [
      {
        say: "Look at the process view: Root filesystem.",
        outcome: "read-only.",
        done: (a) => container(a, "app")?.process?.rootFilesystemReadOnly === true,
      },
      {
        say: "Set readOnlyRootFilesystem to false.",
        outcome: "The root is writable again, and the graph marks it as a risk.",
        edit: { find: "readOnlyRootFilesystem: true", replace: "readOnlyRootFilesystem: false" },
        done: (a) => container(a, "app")?.process?.rootFilesystemReadOnly === false,
      },
    ],
  },
  {
    id: "escalation",
    title: "Privilege escalation",
    summary: "allowPrivilegeEscalation: false sets no_new_privs: setuid binaries stop working.",
    manifest: escalation,
    body: [
      "allowPrivilegeEscalation: false makes the runtime set the no_new_privs flag (prctl PR_SET_NO_NEW_PRIVS). After that, execve never grants more privilege: setuid-root binaries such as sudo run with the caller's uid, and file capabilities are not granted.",
      "The API server refuses it together with privileged: true or an added CAP_SYS_ADMIN, since those give the privileges anyway.",
    ],
    steps: [
      {
        say: "Read NoNewPrivs in /proc/1/status.",
        outcome: "NoNewPrivs: 1.",
        done: (a) => container(a, "app")?.process?.noNewPrivs === true,
      },
      {
        say: "Add privileged: true next to it.",
        outcome: "The API server rejects the pod: cannot set `allowPrivilegeEscalation` to false and `privileged` to true.",
        edit: { find: "      allowPrivilegeEscalation: false\n", replace: "      allowPrivilegeEscalation: false\n      privileged: true\n" },
        done: (a) => a.diagnostics.some((d) => d.message.includes("cannot set `allowPrivilegeEscalation` to false and `privileged` to true")),
      },
    ],
  },
  {
    id: "golden-standard",
    title: "The golden standard, and why restricted still says no",
    summary: "The guide's hardened pod passes baseline but not restricted: it sets no seccomp profile.",
    manifest: golden,
    body: [
      "This is the guide's pod for most web applications: a non-root user, no privilege escalation, a read-only root and every capability dropped.",
      "The restricted Pod Security Standard also requires a seccomp profile (RuntimeDefault or Localhost). Without one the container runs with no seccomp filter (Seccomp: 0), and a namespace enforcing restricted rejects the pod.",
    ],
    steps: [
      {
        say: "Find the Pod Security section in the panel.",
        outcome: "baseline ✓; restricted ✗ with one violation, seccompProfile.",
        done: (a) => a.workloads[0]?.pss?.baseline.allowed === true && a.workloads[0]?.pss?.restricted.violations.length === 1,
      },
      {
        say: "Press “Fix in the YAML” (or add seccompProfile: {type: RuntimeDefault} under the pod's securityContext).",
        outcome: "restricted ✓, and /proc/1/status shows Seccomp: 2.",
        edit: { find: "    runAsGroup: 3000\n", replace: "    runAsGroup: 3000\n    seccompProfile:\n      type: RuntimeDefault\n" },
        done: (a) => a.workloads[0]?.pss?.restricted.allowed === true && container(a, "my-app")?.process?.seccomp === "filter",
      },
    ],
  },
];

export function lessonById(id: string | undefined): Lesson | undefined {
  return LESSONS.find((l) => l.id === id);
}

/** The "bind a port below 1024" verdict of the lesson's app container. */
function bindVerdict(a: Analysis): string | undefined {
  return container(a, "app")?.actions?.find((x) => x.id === "bind-privileged-port")?.verdict;
}
