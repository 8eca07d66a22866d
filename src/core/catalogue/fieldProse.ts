// The field catalogue's prose, beside its rules (fields.ts), entry by entry under the same names:
// what each field does, when unset, in the kernel, what an attacker loses, common mistakes, where a
// seed document needs correcting, and every upstream source and reference its facts come from. The
// app reads it (the editor's hover through schema.ts, the graph, the panel, the presentation); the
// core's rules and the command line do not, and the command's build stops if this module gets into
// it (scripts/build-node.mjs).

import { GATES, K8S, KEP, type CatalogueEntry, type CatalogueName } from "./fields";

export interface Reference {
  title: string;
  url: string;
  /** man page, upstream source file, Kubernetes documentation, or KEP. */
  kind?: "man" | "source" | "docs" | "kep";
}

/** What the catalogue says about one entry, in words. */
export interface FieldProse {
  /** When `added` cannot be pinned from the sources: what is known. */
  addedNote?: string;
  /** One line: what the field does. */
  summary: string;
  /** What the kubelet and the runtime use when the field is unset. */
  unset: string;
  /** The kernel mechanism the field drives. */
  kernel: string;
  /** What an attacker with code execution in the container loses when the field is set well. */
  attacker: string;
  /** Common mistakes. */
  mistakes: readonly string[];
  /** Where a seed document's claim about this field needs correcting or completing. */
  seeds?: string;
  /** Where the merge rule and defaults come from (one line, the resolver's citation). */
  upstream: string;
  /** Every upstream source the entry's facts come from. */
  sources: readonly string[];
  references: readonly Reference[];
}

// ------------------------------------------------------------------------------------------------
// Upstream files, named once (the feature gates' K8S and KEP come from fields.ts).

const TYPES = `${K8S} staging/src/k8s.io/api/core/v1/types.go`;
const UTIL = `${K8S} pkg/securitycontext/util.go`;
const KR_SC = `${K8S} pkg/kubelet/kuberuntime/security_context.go`;
const KR_NONROOT = `${K8S} pkg/kubelet/kuberuntime/security_context_others.go`;
const KR_HELPERS = `${K8S} pkg/kubelet/kuberuntime/helpers.go`;
const VALIDATION = `${K8S} pkg/apis/core/validation/validation.go`;
const VOLUME_LINUX = `${K8S} pkg/volume/volume_linux.go`;
const CTRD_SPEC = "containerd/containerd pkg/oci/spec.go";
const CTRD_SPEC_OPTS = "containerd/containerd pkg/oci/spec_opts.go";
const CTRD_SPUTIL = "containerd/containerd internal/cri/sputil";
const CTRD_SANDBOX = "containerd/containerd internal/cri/server/podsandbox/sandbox_run_linux.go";
const CRIO_CAPS = "cri-o/cri-o internal/config/capabilities/capabilities_linux.go (Default)";
const RUNC_INIT = "opencontainers/runc libcontainer/init_linux.go (setupUser)";
const RUNC_ROOTFS = "opencontainers/runc libcontainer/rootfs_linux.go";
const CAP7 = "capabilities(7) 'Transformation of capabilities during execve()'";
const ID_RANGE = `${VALIDATION} (IsValidUserID / IsValidGroupID: 'must be between 0 and 2147483647, inclusive')`;

const K8S_UTIL = `${UTIL} (DetermineEffectiveSecurityContext)`;
const K8S_KUBERUNTIME = `${KR_SC} (determineEffectiveSecurityContext)`;
const K8S_HELPERS = `${KR_HELPERS} (getSeccompProfile, getAppArmorProfile)`;

/** Default branch of each repository the references point into. */
const BRANCH: Record<string, string> = {
  "kubernetes/kubernetes": "master",
  "kubernetes/enhancements": "master",
  "containerd/containerd": "main",
  "cri-o/cri-o": "main",
  "opencontainers/runc": "main",
};
const gh = (repo: string, path: string): Reference => ({
  title: `${repo} ${path}`,
  url: `https://github.com/${repo}/blob/${BRANCH[repo] ?? "main"}/${path}`,
  kind: "source",
});
const k8s = (path: string): Reference => gh("kubernetes/kubernetes", path);
const man = (page: string, section: number, title?: string): Reference => ({
  title: title ?? `${page}(${section})`,
  url: `https://man7.org/linux/man-pages/man${section}/${page}.${section}.html`,
  kind: "man",
});
const docs = (title: string, url: string): Reference => ({ title, url, kind: "docs" });
const kep = (number: number, dir: string): Reference => ({
  title: `KEP-${number}`,
  url: `https://github.com/kubernetes/enhancements/tree/master/keps/${dir}`,
  kind: "kep",
});

export const REF = {
  podSc: docs("PodSecurityContext (API reference)", "https://kubernetes.io/docs/reference/kubernetes-api/workload-resources/pod-v1/#security-context"),
  sc: docs("Configure a Security Context for a Pod or Container", "https://kubernetes.io/docs/tasks/configure-pod-container/security-context/"),
  pss: docs("Pod Security Standards", "https://kubernetes.io/docs/concepts/security/pod-security-standards/"),
  apparmor: docs("Restrict a Container's Access to Resources with AppArmor", "https://kubernetes.io/docs/tutorials/security/apparmor/"),
  seccompTut: docs("Restrict a Container's Syscalls with seccomp", "https://kubernetes.io/docs/tutorials/security/seccomp/"),
  sysctl: docs("Using sysctls in a Kubernetes Cluster", "https://kubernetes.io/docs/tasks/administer-cluster/sysctl-cluster/"),
  userns: docs("User Namespaces", "https://kubernetes.io/docs/concepts/workloads/pods/user-namespaces/"),
  gmsa: docs("Configure GMSA for Windows Pods and containers", "https://kubernetes.io/docs/tasks/configure-pod-container/configure-gmsa/"),
  runAsUserName: docs("Configure RunAsUserName for Windows pods and containers", "https://kubernetes.io/docs/tasks/configure-pod-container/configure-runasusername/"),
  hostProcess: docs("Create a Windows HostProcess Pod", "https://kubernetes.io/docs/tasks/configure-pod-container/create-hostprocess-pod/"),
  shareProcessNamespace: docs("Share Process Namespace between Containers in a Pod", "https://kubernetes.io/docs/tasks/configure-pod-container/share-process-namespace/"),
  apparmorKernel: docs("AppArmor (Linux kernel documentation)", "https://docs.kernel.org/admin-guide/LSM/apparmor.html"),
  selinuxKernel: docs("SELinux (Linux kernel documentation)", "https://docs.kernel.org/admin-guide/LSM/SELinux.html"),
  sysctlNet: docs("/proc/sys/net (Linux kernel documentation)", "https://docs.kernel.org/admin-guide/sysctl/net.html"),
  capabilities7: man("capabilities", 7),
  credentials7: man("credentials", 7),
  userNamespaces7: man("user_namespaces", 7),
  pidNamespaces7: man("pid_namespaces", 7),
  namespaces7: man("namespaces", 7),
  ipcNamespaces7: man("ipc_namespaces", 7),
  networkNamespaces7: man("network_namespaces", 7),
  prctl2: man("prctl", 2, "prctl(2) PR_SET_NO_NEW_PRIVS"),
  seccomp2: man("seccomp", 2),
  execve2: man("execve", 2),
  setresuid2: man("setresuid", 2),
  setuid2: man("setuid", 2),
  setgid2: man("setgid", 2),
  setgroups2: man("setgroups", 2),
  mount2: man("mount", 2),
  chown2: man("chown", 2),
  proc5: man("proc", 5),
  kepUserns: kep(127, "sig-node/127-user-namespaces"),
  kepProcMount: kep(4265, "sig-node/4265-proc-mount"),
  kepSupplementalGroups: kep(3619, "sig-node/3619-supplemental-groups-policy"),
  kepSelinux: kep(1710, "sig-storage/1710-selinux-relabeling"),
  kepFsGroupPolicy: kep(695, "sig-storage/695-skip-permission-change"),
  kepApparmor: kep(24, "sig-node/24-apparmor"),
  kepSeccompDefault: kep(2413, "sig-node/2413-seccomp-by-default"),
  kepSysctl: kep(34, "sig-node/34-sysctl-fields"),
  kepRunAsGroup: kep(213, "sig-node/213-run-as-group"),
  kepHostProcess: kep(1981, "sig-windows/1981-windows-privileged-container-support"),
  kepGmsa: kep(689, "sig-windows/689-windows-gmsa"),
  kepWindowsSc: kep(1043, "sig-windows/1043-windows-security-context"),
  kepPodOS: kep(2802, "sig-windows/2802-identify-windows-pods-apiserver-admission"),
  kepSharePid: kep(495, "sig-node/495-pod-pid-namespace"),
  srcTypes: k8s("staging/src/k8s.io/api/core/v1/types.go"),
  srcUtil: k8s("pkg/securitycontext/util.go"),
  srcKuberuntimeSc: k8s("pkg/kubelet/kuberuntime/security_context.go"),
  srcNonRoot: k8s("pkg/kubelet/kuberuntime/security_context_others.go"),
  srcHelpers: k8s("pkg/kubelet/kuberuntime/helpers.go"),
  srcValidation: k8s("pkg/apis/core/validation/validation.go"),
  srcFeatures: k8s("pkg/features/kube_features.go"),
  srcVolumeLinux: k8s("pkg/volume/volume_linux.go"),
  srcSafeSysctls: k8s("pkg/kubelet/sysctl/safe_sysctls.go"),
  srcContainerdSpec: gh("containerd/containerd", "pkg/oci/spec.go"),
  srcContainerdSpecOpts: gh("containerd/containerd", "pkg/oci/spec_opts.go"),
  srcContainerdSeccomp: gh("containerd/containerd", "internal/cri/sputil/seccomp_linux.go"),
  srcContainerdApparmor: gh("containerd/containerd", "internal/cri/sputil/apparmor_linux.go"),
  srcContainerdSandbox: gh("containerd/containerd", "internal/cri/server/podsandbox/sandbox_run_linux.go"),
  srcCrioCaps: gh("cri-o/cri-o", "internal/config/capabilities/capabilities_linux.go"),
  srcRuncInit: gh("opencontainers/runc", "libcontainer/init_linux.go"),
  srcRuncRootfs: gh("opencontainers/runc", "libcontainer/rootfs_linux.go"),
} satisfies Record<string, Reference>;

// ------------------------------------------------------------------------------------------------
// The prose of every catalogue entry: the securityContext fields, then the pod settings. Typed by
// the catalogue's names, so an entry without its prose (or prose without its entry) does not compile.

export const FIELD_PROSE: Readonly<Record<CatalogueName, FieldProse>> = {
  runAsUser: {
    summary: "The user id (uid) the container's first process runs as.",
    unset:
      "The image's USER: a uid, or a name the runtime looks up in the image's /etc/passwd. An image without USER runs as uid 0. The kubelet passes the image's user on; it never picks one.",
    kernel:
      "Before execve(2) the runtime (runc) calls setgroups(2), then setgid(2) and setuid(2) with this uid; from a privileged process these set the real, effective and saved ids at once, like setresuid(2) with three equal values. Uid 0 is special in capabilities(7): at execve a uid-0 process gets its whole bounding set as permitted and effective; any other uid gets no capabilities (no file capabilities, empty inheritable and ambient sets). With hostUsers: true (the default) it is the same uid on the node's kernel.",
    attacker:
      "With a non-zero uid the attacker holds no capabilities after execve and cannot read or change root-owned files the permission bits protect: no chown, no mount, no raw sockets, no writing to /etc in the image.",
    mistakes: [
      "Relying on the image: with no runAsUser and an image without USER (or USER root), the process is uid 0, and uid 0 on the node unless hostUsers: false.",
      "Picking a uid the image's /etc/passwd does not list: the process starts, but its primary group is 0 unless runAsGroup is set (containerd WithUserID), and tools that look up the user name fail.",
      "Setting runAsUser only on the pod and expecting a container's image USER to win: a set runAsUser always wins, and a container's runAsUser replaces the pod's.",
      "Values outside 0–2147483647 are rejected by the API server.",
    ],
    seeds:
      "Seed 000 says containers run as root 'by default' and that an escape makes the attacker root on the host: they run as the image's USER (root only when the image says so or has no USER), and container root is host root only while hostUsers is true; with hostUsers: false (user namespaces, GA in 1.36) uid 0 maps to an unprivileged host uid. Seed 003 says container root 'is still not equivalent to host root, given proper isolation': without a user namespace it is the same uid 0 on the same kernel, held back only by the reduced capability set, seccomp and the LSM.",
    upstream: K8S_UTIL,
    sources: [
      `${TYPES} (PodSecurityContext.RunAsUser / SecurityContext.RunAsUser: 'Defaults to user specified in image metadata if unspecified')`,
      `${K8S_UTIL}: the container's RunAsUser replaces the pod's`,
      `${K8S_KUBERUNTIME}: without RunAsUser the image's uid (or RunAsUsername) is passed`,
      `${CTRD_SPEC_OPTS} WithUserID: uid missing from /etc/passwd → gid 0`,
      `${RUNC_INIT}: setgroups, then setgid, then setuid`,
      ID_RANGE,
      CAP7,
      "kubernetes/api history: field present at kubernetes-1.8.0; introduced by kubernetes#7343 (merged 2015-05-05, before v1.0.0)",
    ],
    references: [REF.sc, REF.setuid2, REF.setresuid2, REF.credentials7, REF.capabilities7, REF.srcTypes, REF.srcUtil, REF.srcKuberuntimeSc, REF.srcRuncInit],
  },
  runAsGroup: {
    summary: "The primary group id (gid) of the container's first process.",
    unset:
      "Chosen by the runtime: the group in the image's USER when it is written uid:gid; otherwise the primary group of the user in the image's /etc/passwd; otherwise 0 (containerd WithUserID). Setting runAsUser to a uid the image does not list therefore gives gid 0.",
    kernel:
      "The runtime calls setgid(2) with this gid (after setgroups(2), before setuid(2)). Files the process creates get this group, unless the directory has the setgid bit (as fsGroup volumes do).",
    attacker: "The attacker loses the access that group 0 (root's group) has to group-readable or group-writable files in the image and on volumes.",
    mistakes: [
      "Setting runAsUser without runAsGroup and a uid missing from /etc/passwd: the process runs with gid 0, and group-0 permissions apply.",
      "Expecting runAsGroup to add a group: it replaces the primary group; extra groups come from supplementalGroups and fsGroup.",
    ],
    upstream: K8S_UTIL,
    sources: [
      `${TYPES} (RunAsGroup: 'Uses runtime default if unset')`,
      `${K8S_UTIL}: the container's RunAsGroup replaces the pod's`,
      `${CTRD_SPEC_OPTS} WithUserID / WithUser`,
      `${RUNC_INIT}`,
      ID_RANGE,
      GATES.RunAsGroup.source,
      "kubernetes/api tags: field first in kubernetes-1.10.0",
    ],
    references: [REF.sc, REF.setgid2, REF.setresuid2, REF.credentials7, REF.kepRunAsGroup, REF.srcTypes, REF.srcUtil],
  },
  runAsNonRoot: {
    summary: "The kubelet refuses to start the container if it would run as uid 0.",
    unset: "No check: the container may run as root.",
    kernel:
      "No kernel mechanism. Before asking the runtime to create the container the kubelet checks the uid: runAsUser if set (0 fails), else the image's USER — a numeric uid 0 fails, a user name fails because it cannot be verified, and an image with no USER counts as uid 0. A failed check leaves the container in CreateContainerConfigError. On Windows it checks the user name ContainerAdministrator instead.",
    attacker:
      "Nothing at run time: it only stops a pod that would start as root. Its value is preventing a root start by mistake; the process it lets through is not confined further.",
    mistakes: [
      "Thinking it chooses a user: it only checks. With a root image and no runAsUser the container never starts.",
      "Using an image whose USER is a name (USER app): the kubelet cannot map the name to a uid and refuses with 'container has runAsNonRoot and image has non-numeric user'. Use a numeric USER or set runAsUser.",
      "Setting runAsNonRoot: true together with runAsUser: 0: the container never starts ('container's runAsUser breaks non-root policy').",
      "Believing it checks the processes the container later starts: a non-root process can still become root through a setuid binary unless allowPrivilegeEscalation is false.",
    ],
    seeds:
      "Seed 000 says runAsNonRoot 'checks the image metadata. If the image is built to run as root, Kubernetes refuses to start it.' It checks runAsUser first (if set, the image is never consulted), then the image's USER; a non-numeric USER fails even if the user is not root, and an image with no USER fails as root. It is a start-time check by the kubelet, not a protection 'from root-level exploits' (seed 000 summary).",
    upstream: `${K8S_UTIL}; ${KR_NONROOT} (verifyRunAsNonRoot)`,
    sources: [
      `${TYPES} (RunAsNonRoot: 'If unset or false, no such validation will be performed')`,
      `${KR_NONROOT} verifyRunAsNonRoot: effective runAsUser first, then the image uid; non-numeric user → error`,
      `${K8S_UTIL}: the container's RunAsNonRoot replaces the pod's`,
      "kubernetes/api history: introduced by kubernetes#11669 'sc-nonroot' (merged 2015-08-11, after v1.0.0, before v1.1.0)",
    ],
    references: [REF.sc, REF.pss, REF.srcNonRoot, REF.srcUtil],
  },
  privileged: {
    summary: "Runs the container with every capability, all host devices, writable /sys, and no seccomp filter, LSM default profile or masked /proc paths.",
    unset: "false.",
    kernel:
      "The runtime fills the bounding, permitted and effective sets with every capability the kernel has (CRI-O also inheritable and ambient), adds every host device node under /dev, mounts /sys and /proc without the read-only and masked paths, installs no seccomp filter (containerd and CRI-O skip it even for RuntimeDefault) and applies no default AppArmor profile. Namespaces stay as they are: hostPID, hostNetwork and hostIPC are separate settings.",
    attacker:
      "With privileged: false the attacker lacks CAP_SYS_ADMIN, CAP_SYS_MODULE, raw access to host disks (/dev/sda) and writable /sys — the usual one-step escapes (mount the host disk, load a kernel module, write a cgroup release_agent).",
    mistakes: [
      "Using privileged to get one capability: add just that capability instead.",
      "Combining privileged: true with allowPrivilegeEscalation: false: the API server rejects it ('cannot set `allowPrivilegeEscalation` to false and `privileged` to true').",
      "Expecting seccompProfile: RuntimeDefault to still filter a privileged container: containerd and CRI-O install no seccomp filter for privileged containers.",
      "Forgetting that the API server must run with --allow-privileged=true (its default is false; kubeadm and most distributions set it), else the pod is refused as 'disallowed by cluster policy', and that Pod Security baseline forbids it.",
    ],
    upstream: K8S_UTIL,
    sources: [
      `${TYPES} (Privileged: 'essentially equivalent to root on the host. Defaults to false')`,
      `${CTRD_SPEC_OPTS} WithPrivileged (all capabilities, host devices, no masked/readonly paths, seccomp unconfined)`,
      `${CTRD_SPUTIL}/seccomp_linux.go GenerateSeccompSpecOpts ('Do not set seccomp profile when container is privileged')`,
      `${CTRD_SPUTIL}/apparmor_linux.go GenerateApparmorSpecOpts ('Do not set apparmor profile when container is privileged')`,
      `${VALIDATION} ValidateSecurityContext ('disallowed by cluster policy' unless capabilities.AllowPrivileged)`,
      `${K8S} cmd/kube-apiserver/app/options (--allow-privileged, default false)`,
      "kubernetes/api history: introduced by kubernetes#1304 (merged 2014-09-15, before v1.0.0)",
    ],
    references: [REF.sc, REF.pss, REF.capabilities7, REF.srcTypes, REF.srcContainerdSpecOpts, REF.srcContainerdSeccomp, REF.srcValidation],
  },
  allowPrivilegeEscalation: {
    summary: "Whether a process can gain more privileges than its parent (setuid/setgid binaries, file capabilities); false sets no_new_privs.",
    unset: "true: no_new_privs is not set, so setuid binaries and file capabilities work.",
    kernel:
      "false makes the runtime call prctl(PR_SET_NO_NEW_PRIVS, 1) before execve(2). From then on execve never raises privileges: set-user-ID and set-group-ID bits are ignored and file capabilities are not granted (capabilities(7)). The flag is inherited by every child and cannot be cleared. /proc/1/status shows NoNewPrivs: 1. It removes nothing the process already holds.",
    attacker:
      "A non-root attacker can no longer become root through a setuid-root binary (su, sudo, mount, ping on old images) or gain capabilities from a binary with file capabilities.",
    mistakes: [
      "Thinking it drops privileges: a root process keeps uid 0 and its capabilities; it only stops execve from adding more.",
      "Combining false with privileged: true or with capabilities.add: [CAP_SYS_ADMIN]: the API server rejects both. It does not catch the spelling SYS_ADMIN, which it accepts although the process then holds CAP_SYS_ADMIN.",
      "Setting it on the pod: it exists only on containers; every container needs its own.",
      "Using file capabilities (setcap cap_net_bind_service) to let a non-root binary bind port 80 while also setting allowPrivilegeEscalation: false: no_new_privs makes the file capability inert.",
    ],
    seeds:
      "Seed 000 says false 'disables this mechanism entirely … Once you are a standard user, you stay a standard user forever'. It sets no_new_privs: execve stops honouring setuid/setgid bits and file capabilities. It does not stop a kernel exploit, does not take capabilities away, and a process that is already root stays root.",
    upstream: `${K8S_UTIL} (AddNoNewPrivileges)`,
    sources: [
      `${TYPES} (AllowPrivilegeEscalation: 'directly controls if the no_new_privs flag will be set')`,
      `${UTIL} AddNoNewPrivileges: nil → false (no flag), false → true`,
      `${K8S_KUBERUNTIME}: NoNewPrivs = AddNoNewPrivileges(effectiveSc)`,
      `${VALIDATION} ValidateSecurityContext ('cannot set \`allowPrivilegeEscalation\` to false and \`privileged\` to true', '… \`capabilities.Add\` CAP_SYS_ADMIN', compared literally with the string CAP_SYS_ADMIN)`,
      "prctl(2) PR_SET_NO_NEW_PRIVS",
      "kubernetes/api history: introduced August 2017, first in kubernetes-1.8.0",
    ],
    references: [REF.sc, REF.pss, REF.prctl2, REF.execve2, REF.capabilities7, REF.srcUtil, REF.srcValidation],
  },
  readOnlyRootFilesystem: {
    summary: "Mounts the container's root filesystem read-only.",
    unset: "false: the root filesystem (the image plus a writable layer) is writable.",
    kernel:
      "The runtime remounts the container's root with MS_RDONLY (runc: mount(2) with MS_BIND|MS_REMOUNT|MS_RDONLY on /). Writes there fail with EROFS. Volume mounts, /dev/shm and the other separate mounts keep their own flags, so they stay writable.",
    attacker:
      "The attacker cannot replace the application's binaries, libraries or configuration in the image, or drop tools into /usr or /bin — only into volumes that are mounted writable.",
    mistakes: [
      "Forgetting that the application writes to /tmp, /var/run or a cache directory: it fails with 'read-only file system'. Mount an emptyDir there.",
      "Thinking it stops downloads: an emptyDir mounted at /tmp is writable and not mounted noexec, so a script or binary can still be written and run there.",
      "Setting it on the pod: it exists only on containers.",
    ],
    seeds:
      "Seed 000 says attackers 'can't save the file' and seed 003 that they 'can't write a persistent backdoor': any writable volume (such as the emptyDir for /tmp that seed 000 itself adds) still accepts and runs files, and the writable layer is thrown away when the container is recreated anyway. What it really protects is the image's own files for the life of the container.",
    upstream: K8S_UTIL,
    sources: [
      `${TYPES} (ReadOnlyRootFilesystem: 'Default is false')`,
      `${K8S_KUBERUNTIME} convertToRuntimeSecurityContext: ReadonlyRootfs`,
      `${RUNC_ROOTFS} (readonly root: remount with MS_RDONLY)`,
      "kubernetes/api history: introduced by kubernetes#20782 (merged 2016-02-14, before v1.2.0)",
    ],
    references: [REF.sc, REF.mount2, REF.srcTypes, REF.srcKuberuntimeSc, REF.srcRuncRootfs],
  },
  capabilities: {
    summary: "Capabilities added to or dropped from the runtime's default capability set.",
    unset:
      "The runtime's default set: containerd 14 (CHOWN, DAC_OVERRIDE, FSETID, FOWNER, MKNOD, NET_RAW, SETGID, SETUID, SETFCAP, SETPCAP, NET_BIND_SERVICE, SYS_CHROOT, KILL, AUDIT_WRITE); CRI-O 9 (CHOWN, DAC_OVERRIDE, FSETID, FOWNER, SETGID, SETUID, SETPCAP, NET_BIND_SERVICE, KILL). Privileged containers get all.",
    kernel:
      "The runtime writes the resulting list into the bounding, permitted and effective sets (inheritable and ambient stay empty) and applies them with capset(2) before execve(2). The five sets then follow capabilities(7) at execve: uid 0 gets permitted = effective = the bounding set; any other uid gets permitted = effective = empty, because no ambient or inheritable capabilities are passed. So add only ever reaches a non-root process's bounding set.",
    attacker:
      "With drop: [ALL] a root attacker loses the powers the runtime's default set gives root: CAP_DAC_OVERRIDE and CAP_FOWNER (ignoring file permissions and ownership), CAP_CHOWN, CAP_SETUID/CAP_SETGID (becoming another user), CAP_NET_RAW (raw and packet sockets: spoofing ARP and DNS on the pod network), CAP_MKNOD, CAP_SYS_CHROOT, CAP_KILL.",
    mistakes: [
      "add: [NET_BIND_SERVICE] for a non-root runAsUser: the capability lands only in the bounding set; the effective set stays empty and bind to port 80 still fails with EACCES. Use a port above 1023, the namespaced sysctl net.ipv4.ip_unprivileged_port_start, or run as root with drop: [ALL] + add.",
      "drop: [ALL] with a root process: root keeps uid 0 and so still owns root-owned files, but loses everything CAP_DAC_OVERRIDE, CAP_FOWNER and CAP_CHOWN gave it — it cannot read a 0600 file owned by another uid, chmod or chown files it does not own, or setuid to another user.",
      "Adding SYS_ADMIN 'for one mount': it is the broadest capability and, for root, close to privileged.",
      "Typos in capability names: the API accepts any string, so the mistake shows up only on the node (the runtime errors or ignores the unknown name).",
      "Pod Security restricted requires drop: [ALL] and allows adding only NET_BIND_SERVICE; baseline allows adding only these 13: AUDIT_WRITE, CHOWN, DAC_OVERRIDE, FOWNER, FSETID, KILL, MKNOD, NET_BIND_SERVICE, SETFCAP, SETGID, SETPCAP, SETUID, SYS_CHROOT (containerd's default set without NET_RAW).",
      "Expecting capabilities on the pod: the field exists only on containers.",
    ],
    seeds:
      "Seed 000 says 'Docker/Kubernetes gives containers a default set' and lists CAP_NET_ADMIN and CAP_SYS_TIME among root's powers: the set comes from the runtime (containerd 14, CRI-O 9, no CAP_NET_ADMIN or CAP_SYS_TIME in either). Seeds 000 and 003 add NET_BIND_SERVICE 'to bind port 80' in an example that runs as uid 1000: for a non-root uid it only reaches the bounding set (capabilities(7) execve rules), so it grants nothing. On containerd 2.x the bind works anyway because containerd sets net.ipv4.ip_unprivileged_port_start=0 in every pod that is not on the host network (enable_unprivileged_ports, on by default), not because of the capability.",
    upstream: K8S_UTIL,
    sources: [
      `${TYPES} (Capabilities: 'Defaults to the default set of capabilities granted by the container runtime')`,
      `${CTRD_SPEC} defaultUnixCaps (14 capabilities)`,
      CRIO_CAPS,
      `${K8S_KUBERUNTIME} convertToRuntimeCapabilities`,
      `${CTRD_SANDBOX}: net.ipv4.ip_unprivileged_port_start = "0" when EnableUnprivilegedPorts and not host network`,
      "containerd/containerd CRI config default EnableUnprivilegedPorts: true (containerd 2.x)",
      CAP7,
    ],
    references: [REF.sc, REF.pss, REF.capabilities7, REF.execve2, REF.srcContainerdSpec, REF.srcCrioCaps, REF.srcContainerdSandbox],
  },
  procMount: {
    summary: "Whether /proc keeps the masked and read-only paths (Default) or is left as the kernel shows it (Unmasked).",
    unset: "Default: the kubelet sends its masked and read-only path lists and the runtime applies them.",
    kernel:
      "With Default the runtime hides each masked path (e.g. /proc/kcore, /proc/keys, /proc/timer_list, /sys/firmware): a file gets /dev/null bind-mounted over it, a directory (/proc/acpi, /proc/scsi) a read-only tmpfs. It bind-mounts the read-only paths (/proc/bus, /proc/fs, /proc/irq, /proc/sys, /proc/sysrq-trigger) onto themselves and remounts them MS_RDONLY. Unmasked sends both lists empty, so /proc is the plain procfs of the container's PID namespace.",
    attacker:
      "With Default the attacker cannot read kernel memory through /proc/kcore, read kernel keyrings or timer and scheduler details useful for side channels, or, as root, write /proc/sysrq-trigger and the /proc/sys settings that are not namespaced and so act on the whole node.",
    mistakes: [
      "Setting Unmasked without hostUsers: false: the API server rejects it since 1.30; it is meant for nesting containers inside a user-namespaced pod.",
      "Expecting Unmasked to work on the pod: the field exists only on containers.",
      "Pod Security restricted allows only Default (or unset); baseline too, except that from policy version 1.35 it allows Unmasked for pods with hostUsers: false.",
    ],
    upstream: `${UTIL} (ConvertToRuntimeMaskedPaths, ConvertToRuntimeReadonlyPaths)`,
    sources: [
      `${TYPES} (ProcMountType Default / Unmasked)`,
      `${UTIL} defaultMaskedPaths, defaultReadonlyPaths, ConvertToRuntimeMaskedPaths (Unmasked → [])`,
      `${K8S_KUBERUNTIME}: MaskedPaths/ReadonlyPaths always set`,
      `${RUNC_ROOTFS} maskPath ('For files, maskPath bind mounts /dev/null … For directories, … read-only tmpfs'), readonlyPath`,
      `${KEP}/sig-node/4265-proc-mount/README.md (2024-02-26: Unmasked fails validation without a pod-level user namespace, kubernetes#123520)`,
      `${K8S} staging/src/k8s.io/pod-security-admission/policy/check_procMount_baseline.go, check_procMount_restricted.go`,
      GATES.ProcMountType.source,
    ],
    references: [REF.sc, REF.pss, REF.proc5, REF.mount2, REF.kepProcMount, REF.srcUtil, REF.srcRuncRootfs],
  },
  seccompProfile: {
    summary: "The seccomp filter that limits which system calls the process may make.",
    unset:
      "Unconfined (no filter), unless the node's kubelet runs with seccompDefault: true (--seccomp-default), which makes it RuntimeDefault. Privileged containers get no filter either way.",
    kernel:
      "The runtime installs a seccomp BPF filter with seccomp(2) SECCOMP_SET_MODE_FILTER before execve(2); the filter is inherited by all children and can never be removed. Calls the profile does not allow fail (RuntimeDefault returns EPERM) before the kernel acts on them. /proc/1/status shows Seccomp: 2 (filter) instead of 0.",
    attacker:
      "With RuntimeDefault the attacker loses system calls that are common kernel-exploit entry points: keyctl, add_key and request_key outright, and mount, unshare/clone into new namespaces, bpf, perf_event_open, kexec_load and init_module unless the process holds the matching capability.",
    mistakes: [
      "Assuming a default filter: without seccompDefault on the kubelet an unset profile means no filter at all.",
      "Setting RuntimeDefault on a privileged container and expecting it to filter: runtimes skip seccomp for privileged containers.",
      "Localhost with an absolute path or a path the node does not have: the container fails to be created.",
      "Pod Security restricted requires RuntimeDefault or Localhost on the pod or on every container; baseline only forbids Unconfined.",
    ],
    seeds:
      "Neither seed sets a seccompProfile, and seed 003 says the restricted Pod Security Standard 'requires most of the settings shown above': restricted requires seccompProfile RuntimeDefault or Localhost, so both 'golden' examples are rejected by restricted as written, and without a kubelet seccompDefault they run with no seccomp filter.",
    upstream: K8S_HELPERS,
    sources: [
      `${TYPES} (SeccompProfile, SeccompProfileType)`,
      `${KR_HELPERS} getSeccompProfile: container field first, then pod field, then RuntimeDefault if fallbackToRuntimeDefault (kubelet seccompDefault) else Unconfined`,
      `${CTRD_SPUTIL}/seccomp_linux.go GenerateSeccompSpecOpts (privileged → no profile)`,
      "containerd/containerd contrib/seccomp/seccomp_default.go (the RuntimeDefault profile: errno EPERM for calls not allowed; some calls allowed only with a capability)",
      GATES.SeccompDefault.source,
      `${KEP}/sig-node/135-seccomp (seccomp GA in 1.19: fields replace the seccomp.security.alpha.kubernetes.io annotations)`,
      "kubernetes/api tags: field first in kubernetes-1.19.0",
    ],
    references: [REF.seccompTut, REF.pss, REF.seccomp2, REF.prctl2, REF.proc5, REF.kepSeccompDefault, REF.srcHelpers, REF.srcContainerdSeccomp],
  },
  appArmorProfile: {
    summary: "The AppArmor profile that confines the process, on nodes with AppArmor enabled.",
    unset:
      "On a node with AppArmor enabled the runtime applies its default profile (containerd: cri-containerd.apparmor.d; CRI-O: crio-default) — except to privileged containers, which run unconfined. On nodes without AppArmor nothing is applied.",
    kernel:
      "The runtime (runc) writes the profile name to /proc/self/attr/apparmor/exec, so the kernel switches the process to that profile at execve(2). The AppArmor LSM then checks file paths, mounts, signals, ptrace and capability use against the profile; /proc/1/attr/current shows it.",
    attacker:
      "Under the runtime's default profile the attacker cannot mount filesystems, write most of /proc and /sys, or ptrace processes outside the profile — even as root with the capabilities for it.",
    mistakes: [
      "Using the old container.apparmor.security.beta.kubernetes.io annotation: it is deprecated since 1.30; use the field.",
      "Localhost with a profile not loaded on every node: the container fails to start on nodes without it.",
      "Expecting it on SELinux nodes (RHEL/Fedora family): without AppArmor in the kernel the field does nothing (RuntimeDefault and Unconfined) or fails (Localhost).",
      "Pod Security baseline forbids Unconfined; it allows RuntimeDefault and Localhost.",
    ],
    upstream: K8S_HELPERS,
    sources: [
      `${TYPES} (AppArmorProfile, AppArmorProfileType)`,
      `${KR_HELPERS} getAppArmorProfile (container field, then container annotation, then pod field)`,
      `${CTRD_SPUTIL}/apparmor_linux.go GenerateApparmorSpecOpts ('default apparmor profile should be applied for when apparmor is not specified'; none when privileged)`,
      "cri-o/cri-o internal/config/apparmor (DefaultApparmorProfile = \"crio-default\")",
      GATES.AppArmorFields.source,
      "kubernetes/api: 'AppArmor API changes' (kubernetes#123435), first in kubernetes-1.30.0",
    ],
    references: [REF.apparmor, REF.pss, REF.apparmorKernel, REF.proc5, REF.kepApparmor, REF.srcHelpers, REF.srcContainerdApparmor],
  },
  seLinuxOptions: {
    summary: "The SELinux label of the process (and of its volumes), on nodes with SELinux enabled.",
    unset:
      "On an SELinux node the runtime allocates a label for the pod sandbox: the policy's container type (container_t) and a random, unique MCS level (e.g. s0:c123,c456) that all containers of the pod share. On nodes without SELinux nothing is applied.",
    kernel:
      "The runtime writes the label to /proc/self/attr/exec (setexeccon), so the process gets it at execve(2); volumes get the matching file label, by mount option (-o context=…) or by relabelling every file. The SELinux LSM checks every access of the process to files, sockets and other processes against the policy; the MCS level keeps pods from reading each other's files.",
    attacker:
      "With a unique level the attacker cannot read or write other pods' volumes even with the same uid; with container_t it cannot touch host files labelled for the host.",
    mistakes: [
      "Setting type to spc_t or unconfined_t: the process is not confined by SELinux at all. Pod Security baseline only allows container_t, container_init_t, container_kvm_t (and container_engine_t from policy 1.31), and no user or role.",
      "Giving two pods the same level to share a volume, then expecting them to be isolated from each other.",
      "Setting only some sub-fields on the container and expecting the rest from the pod: the container's seLinuxOptions replaces the pod's whole.",
    ],
    upstream: `${K8S_UTIL} (the container's seLinuxOptions replace the pod's whole)`,
    sources: [
      `${TYPES} (SELinuxOptions: 'If unspecified, the container runtime will allocate a random SELinux context for each container')`,
      `${K8S_UTIL}: effectiveSc.SELinuxOptions = *containerSc.SELinuxOptions (whole copy)`,
      `${K8S} staging/src/k8s.io/pod-security-admission/policy/check_seLinuxOptions.go (selinuxAllowedTypes1_0, selinuxAllowedTypes1_31)`,
      GATES.SELinuxMount.source,
      "kubernetes/api history: introduced by kubernetes#7343 (merged 2015-05-05, before v1.0.0)",
    ],
    references: [REF.sc, REF.pss, REF.selinuxKernel, REF.kepSelinux, REF.srcUtil],
  },
  windowsOptions: {
    summary: "Windows settings: GMSA credentials, the user name, HostProcess containers.",
    unset: "Nothing: the image's default Windows user, no GMSA identity, an ordinary (process- or Hyper-V-isolated) container.",
    kernel:
      "No Linux effect (the API rejects it when os.name is linux). On Windows the runtime starts the process under runAsUserName, joins it to the domain identity in the GMSA credential spec, or, with hostProcess, runs it directly on the host in a job object with the host's network and file system.",
    attacker:
      "Leaving hostProcess unset keeps the attacker inside the container's silo; a HostProcess container is equivalent to a privileged Linux container on the node.",
    mistakes: [
      "Mixing HostProcess and ordinary containers in one pod: all containers must have the same effective hostProcess value.",
      "hostProcess: true without hostNetwork: true is rejected by the API server.",
      "Setting only gmsaCredentialSpecName on a container and expecting the pod's gmsaCredentialSpec to stay: the two GMSA fields are taken together.",
    ],
    upstream: `${K8S_UTIL} (only the sub-fields set on the container replace the pod's; both GMSA fields go together)`,
    sources: [
      `${TYPES} (WindowsSecurityContextOptions)`,
      `${K8S_UTIL}: 'only override fields that are set at the container level'; 'both GMSA fields go hand in hand'`,
      GATES.WindowsGMSA.source,
      GATES.WindowsRunAsUserName.source,
      GATES.WindowsHostProcessContainers.source,
      "kubernetes/api tags: windowsOptions and the GMSA fields first in kubernetes-1.15.0, runAsUserName in 1.16.0, hostProcess in 1.22.0",
    ],
    references: [REF.gmsa, REF.runAsUserName, REF.hostProcess, REF.kepWindowsSc, REF.kepGmsa, REF.kepHostProcess, REF.srcUtil],
  },
  fsGroup: {
    addedNote: "In the v1 API before the first k8s.io/api tag (1.8); the kubernetes/api history shows it merged in October 2015 (v1.1 or v1.2; the stored sources do not pin the release).",
    summary: "A group that owns the pod's supported volumes and is added to every container's supplementary groups.",
    unset: "No ownership or permission change on any volume, and no extra group.",
    kernel:
      "Before the containers start, the kubelet walks each volume whose plugin supports ownership management and calls lchown(path, -1, fsGroup) — only the group changes — then chmod: files get rw-rw---- added (r--r----- for read-only volumes), directories also x for owner and group plus the setgid bit, so new files inherit the group. The runtime also passes fsGroup to setgroups(2), so every container's first process has it as a supplementary group.",
    attacker: "Nothing is taken away; fsGroup grants access. Choose a gid shared with nothing else on the node so the attacker gains no access to other pods' files.",
    mistakes: [
      "Expecting it on hostPath, NFS or other volumes the kubelet does not manage: their ownership is never changed.",
      "Expecting it on a CSI volume: it depends on the CSIDriver's fsGroupPolicy (ReadWriteOnceWithFSType by default: only with an fsType and a ReadWriteOnce(Pod) volume; File: always; None: never), or the driver applies it itself.",
      "Large volumes: with the default fsGroupChangePolicy (Always) every mount walks every file, which can take minutes; use OnRootMismatch.",
      "Thinking it changes the file owner: the uid stays; only the group and the group permission bits change.",
      "Setting it on a container: it exists only on the pod.",
    ],
    seeds:
      "Seed 000 says 'Kubernetes will automatically chown … the volume files to Group 2000' for a PVC, and seed 003 that fsGroup 'sets the group ownership of mounted volumes': the kubelet changes only the group and the group permission bits, adds the setgid bit to directories, and does so only for volume types that support ownership management — never for hostPath or NFS, and for CSI only as the driver's fsGroupPolicy allows. It also adds fsGroup to every container's supplementary groups, which seed 000 does not mention.",
    upstream: K8S_KUBERUNTIME,
    sources: [
      `${TYPES} (FSGroup: '1. The owning GID will be the FSGroup 2. The setgid bit is set … 3. The permission bits are OR'd with rw-rw----'; 'If unset, the Kubelet will not modify the ownership and permissions of any volume')`,
      `${VOLUME_LINUX} SetVolumeOwnership / changeFilePermission (os.Lchown(filename, -1, fsGroup); mask rwMask or roMask, directories | ModeSetgid | execMask)`,
      `${K8S_KUBERUNTIME}: SupplementalGroups = fsGroup, then supplementalGroups, then extra groups`,
      `${RUNC_INIT}: setgroups(AdditionalGroups)`,
      ID_RANGE,
    ],
    references: [REF.sc, REF.setgroups2, REF.chown2, REF.srcVolumeLinux, REF.srcKuberuntimeSc, REF.srcTypes],
  },
  fsGroupChangePolicy: {
    summary: "When the kubelet changes volume ownership to fsGroup: on every mount (Always), or only when the volume's root does not match (OnRootMismatch).",
    unset: "Always, when fsGroup is set (no effect without fsGroup).",
    kernel:
      "Only changes the kubelet's walk. OnRootMismatch first stats the volume's root directory and skips the whole recursive lchown/chmod if it already has group fsGroup, the needed group permission bits and the setgid bit; otherwise it walks every file as Always does.",
    attacker: "Nothing: it changes start-up time, not what the process may do.",
    mistakes: [
      "Using OnRootMismatch and then changing files' groups inside the volume by hand: the kubelet will not fix them while the root still matches.",
      "Expecting it to affect secret, configMap, downwardAPI, projected or emptyDir volumes: the kubelet sets their ownership when it writes them, regardless of this field.",
    ],
    upstream: `${VOLUME_LINUX} (SetVolumeOwnership)`,
    sources: [
      `${TYPES} (FSGroupChangePolicy: 'If not specified, \"Always\" is used'; no effect on secret, configmaps and emptydir)`,
      `${VOLUME_LINUX} skipPermissionChange / requiresPermissionChange (gid, permission bits and setgid of the volume root)`,
      GATES.ConfigurableFSGroupPolicy.source,
      "kubernetes/api tags: field first in kubernetes-1.18.0",
    ],
    references: [REF.sc, REF.kepFsGroupPolicy, REF.srcVolumeLinux],
  },
  supplementalGroups: {
    addedNote: "In the v1 API before the first k8s.io/api tag (1.8); the kubernetes/api history shows it merged in October 2015 (v1.1 or v1.2; the stored sources do not pin the release).",
    summary: "Extra group ids added to every container's first process.",
    unset: "No extra groups from the pod; with supplementalGroupsPolicy Merge (the default) the groups the image's /etc/group gives the user still apply, and fsGroup if set.",
    kernel:
      "The kubelet sends fsGroup, then these ids, then any group a PersistentVolume's pv.beta.kubernetes.io/gid annotation asks for; the runtime passes them (with the image's groups under Merge) to setgroups(2) before execve(2). They show as Groups: in /proc/1/status and decide group access to files.",
    attacker: "Nothing is taken away; each group grants access. Leaving it unset (and using Strict) keeps the attacker from holding groups the image quietly adds.",
    mistakes: [
      "Expecting the list to be the process's only groups: with Merge the image's /etc/group memberships of the user are added; use supplementalGroupsPolicy: Strict.",
      "Setting it on a container: it exists only on the pod.",
    ],
    upstream: K8S_KUBERUNTIME,
    sources: [
      `${TYPES} (SupplementalGroups)`,
      `${K8S_KUBERUNTIME}: fsGroup, supplementalGroups, GetExtraSupplementalGroupsForPod`,
      `${RUNC_INIT}: setgroups`,
      ID_RANGE,
    ],
    references: [REF.sc, REF.setgroups2, REF.proc5, REF.srcKuberuntimeSc],
  },
  supplementalGroupsPolicy: {
    summary: "Whether the groups the image's /etc/group gives the user are merged in (Merge) or ignored (Strict).",
    unset: "Merge.",
    kernel:
      "Decides the list the runtime hands to setgroups(2): Merge = the user's groups from the image's /etc/group + fsGroup + supplementalGroups; Strict = only fsGroup + supplementalGroups (and the primary gid).",
    attacker: "With Strict the attacker does not get group memberships an image author (or a compromised image) wrote into /etc/group, e.g. a group that owns a socket or a device.",
    mistakes: [
      "Using Strict on a node whose runtime does not support it (containerd before 2.0, CRI-O before 1.31): the kubelet rejects the pod with SupplementalGroupsPolicyNotSupported.",
      "Expecting Merge to be visible in the manifest: the extra groups come from the image and show only in status.containerStatuses[].user.linux.supplementalGroups.",
    ],
    upstream: K8S_KUBERUNTIME,
    sources: [
      `${TYPES} (SupplementalGroupsPolicy: 'If not specified, \"Merge\" is used')`,
      `${K8S_KUBERUNTIME}: SupplementalGroupsPolicy passed to the runtime`,
      `${KEP}/sig-node/3619-supplemental-groups-policy/README.md (containerd v2.0, CRI-O v1.31; SupplementalGroupsPolicyNotSupported)`,
      GATES.SupplementalGroupsPolicy.source,
      "kubernetes/api: 'KEP-3619: Fine-grained SupplementalGroups control' (kubernetes#117842), first in kubernetes-1.31.0",
    ],
    references: [REF.sc, REF.setgroups2, REF.kepSupplementalGroups, REF.srcKuberuntimeSc],
  },
  sysctls: {
    summary: "Namespaced kernel parameters set for the pod's own network and IPC namespaces.",
    unset:
      "The values a new network or IPC namespace starts with, plus what the runtime sets: containerd 2.x sets net.ipv4.ip_unprivileged_port_start=0 and net.ipv4.ping_group_range=0 2147483647 for pods not on the host network (enable_unprivileged_ports / enable_unprivileged_icmp).",
    kernel:
      "When the pod sandbox starts, the runtime (runc) writes each value to /proc/sys/<name with dots as slashes> inside the pod's namespaces: net.* in its network namespace, kernel.shm*, kernel.msg*, kernel.sem and fs.mqueue.* in its IPC namespace. All containers of the pod share them. Only namespaced sysctls are possible; the kubelet allows a 'safe' set and rejects others unless listed in --allowed-unsafe-sysctls.",
    attacker: "Nothing is taken away directly; each unsafe sysctl can widen what the pod may do to the node (e.g. memory or network tuning that affects neighbours).",
    mistakes: [
      "Setting a net.* sysctl with hostNetwork: true (or an IPC sysctl with hostIPC: true): rejected, because it would change the node.",
      "Using a sysctl outside the kubelet's safe list without --allowed-unsafe-sysctls on the node: the pod fails with SysctlForbidden.",
      "Setting a non-namespaced sysctl (e.g. vm.*, kernel.* outside IPC): not possible per pod.",
    ],
    upstream: `${K8S} pkg/kubelet/kuberuntime/kuberuntime_sandbox.go (sysctls passed to the sandbox)`,
    sources: [
      `${TYPES} (Sysctls: 'namespaced sysctls used for the pod')`,
      `${K8S} pkg/kubelet/sysctl/safe_sysctls.go (safe set) and allowlist`,
      `${CTRD_SANDBOX} (sysctls in the sandbox spec; unprivileged ports/ICMP defaults)`,
      `${RUNC_ROOTFS} writeSystemProperty ('/proc/sys' + the key with dots replaced by slashes)`,
      GATES.Sysctls.source,
      "kubernetes/api tags: field first in kubernetes-1.11.0",
    ],
    references: [REF.sysctl, REF.pss, REF.proc5, REF.sysctlNet, REF.networkNamespaces7, REF.ipcNamespaces7, REF.kepSysctl, REF.srcSafeSysctls, REF.srcContainerdSandbox],
  },
  seLinuxChangePolicy: {
    summary: "How volumes get the pod's SELinux label: one mount option (MountOption), or relabelling every file (Recursive).",
    unset:
      "MountOption (1.37, SELinuxMount GA). In 1.33–1.36 (SELinuxMount off by default) an unset policy meant MountOption for ReadWriteOncePod volumes and Recursive for all others. It matters only for pods with an SELinux label (pod seLinuxOptions or every container's) on SELinux nodes.",
    kernel:
      "MountOption mounts each eligible volume (in-tree FC and iSCSI, CSI drivers with seLinuxMount: true) with -o context=<label>, so the kernel shows every file with that label without touching the disk. Recursive lets the runtime set the label on every file (setxattr security.selinux). Other volumes are always relabelled recursively.",
    attacker: "Nothing: both give the files the pod's label. MountOption only avoids slow relabelling.",
    mistakes: [
      "Sharing one volume between pods with different SELinux labels, or between privileged and unprivileged pods, with MountOption: the second pod stays in ContainerCreating.",
      "Different seLinuxChangePolicy values on pods that share a volume.",
    ],
    upstream: `${TYPES} (PodSELinuxChangePolicy)`,
    sources: [
      `${TYPES} (SELinuxChangePolicy: 'If not specified, \"MountOption\" is used' at 1.37; before kubernetes#139956 the comment read 'If not specified and SELinuxMount feature gate is disabled, \"MountOption\" is used for ReadWriteOncePod volumes and \"Recursive\" for all other volumes')`,
      GATES.SELinuxChangePolicy.source,
      GATES.SELinuxMount.source,
      "kubernetes/api: 'Introduce SELinuxChangePolicy' (kubernetes#127981), first in kubernetes-1.32.0",
    ],
    references: [REF.sc, REF.selinuxKernel, REF.mount2, REF.kepSelinux, REF.srcTypes],
  },
  hostUsers: {
    summary: "Whether the pod shares the node's user namespace (true) or gets its own (false).",
    unset: "true: uids and gids in the pod are the node's, and the container's capabilities are held in the node's initial user namespace.",
    kernel:
      "With false the runtime creates a user namespace for the pod and maps container ids 0–65535 to a range of 65536 unprivileged host ids the kubelet picks per pod (user_namespaces(7)). Capabilities then apply only to resources that namespace owns, and volumes are mounted with idmap mounts so files appear with container ids. Needs Linux 6.3+ and a runtime with idmap-mount support.",
    attacker:
      "With false, root in the container is an unprivileged uid on the node: an escape lands with no host privileges, and capabilities such as CAP_SYS_ADMIN or CAP_NET_ADMIN work only inside the pod's own namespaces.",
    mistakes: [
      "Combining hostUsers: false with hostNetwork, hostPID or hostIPC: rejected (hostNetwork allowed only with the alpha UserNamespacesHostNetworkSupport gate, 1.35+).",
      "Expecting it to change runAsUser: runAsUser is still the uid inside the container; only its host mapping changes.",
      "Scheduling on nodes whose runtime or kernel lacks support: the pod fails to start.",
    ],
    seeds:
      "Seed 000's claim that an escaped root process 'is root on the host node' is true only with hostUsers: true (the default); with hostUsers: false it is an unprivileged host uid.",
    upstream: `${TYPES} (PodSpec.HostUsers)`,
    sources: [
      `${TYPES} (HostUsers: 'Optional: Default to true … When set to false, a new userns is created for the pod')`,
      `${KEP}/sig-node/127-user-namespaces/README.md (mapping length 65536; idmap mounts; Linux 6.3 or higher)`,
      GATES.UserNamespacesSupport.source,
      "kubernetes/api: 'pkg/apis, staging: add HostUsers to pod spec' (kubernetes#111090), first in kubernetes-1.25.0",
    ],
    references: [REF.userns, REF.userNamespaces7, REF.capabilities7, REF.kepUserns, REF.srcTypes],
  },
  hostPID: {
    summary: "Run the pod's containers in the node's PID namespace.",
    unset: "false: each pod has its own PID namespace (one per container unless shareProcessNamespace).",
    kernel:
      "The runtime does not create a PID namespace; the containers see every process on the node in /proc and can signal or ptrace them as far as uid and capabilities allow (pid_namespaces(7)).",
    attacker: "With false the attacker cannot see the node's processes, read their /proc/<pid>/environ or command lines, or (as root with CAP_SYS_PTRACE) attach to them.",
    mistakes: ["Using it for debugging: use an ephemeral container (kubectl debug) instead.", "Pod Security baseline forbids it."],
    upstream: `${TYPES} (PodSpec.HostPID)`,
    sources: [`${TYPES} (HostPID: 'Use the host's pid namespace. Optional: Default to false')`, "kubernetes/api history: kubernetes#13447 (merged 2015-09-16, before v1.1.0)"],
    references: [REF.pss, REF.pidNamespaces7, REF.namespaces7, REF.srcTypes],
  },
  hostIPC: {
    summary: "Run the pod's containers in the node's IPC namespace.",
    unset: "false: the pod has its own IPC namespace (System V IPC, POSIX message queues).",
    kernel: "The runtime does not create an IPC namespace; the containers share System V shared memory, semaphores, message queues and POSIX message queues with the node (ipc_namespaces(7)).",
    attacker: "With false the attacker cannot read or write shared-memory segments of node processes.",
    mistakes: ["IPC sysctls (kernel.shm*, kernel.msg*, kernel.sem, fs.mqueue.*) are rejected with hostIPC: true.", "Pod Security baseline forbids it."],
    upstream: `${TYPES} (PodSpec.HostIPC)`,
    sources: [`${TYPES} (HostIPC: 'Use the host's ipc namespace. Optional: Default to false')`, "kubernetes/api history: kubernetes#12470 (merged 2015-09-21, before v1.1.0)"],
    references: [REF.pss, REF.ipcNamespaces7, REF.namespaces7, REF.srcTypes],
  },
  hostNetwork: {
    summary: "Run the pod in the node's network namespace.",
    unset: "false: the pod has its own network namespace with its own interfaces, routes and ports.",
    kernel:
      "The runtime does not create a network namespace; the containers use the node's interfaces, can bind any node port and, with CAP_NET_RAW, sniff node traffic (network_namespaces(7)). Per-pod net.* sysctls are not possible, and containerd does not set its unprivileged-port sysctl there.",
    attacker: "With false the attacker cannot reach services bound to the node's localhost, sniff node traffic or bind the node's ports.",
    mistakes: ["net.* sysctls are rejected with hostNetwork: true.", "Pod Security baseline forbids it.", "Windows HostProcess containers require it."],
    upstream: `${TYPES} (PodSpec.HostNetwork)`,
    sources: [`${TYPES} (HostNetwork: 'Use the host's network namespace … Default to false')`, "kubernetes/api history: kubernetes#5814 (merged 2015-03-24, before v1.0.0)", CTRD_SANDBOX],
    references: [REF.pss, REF.networkNamespaces7, REF.namespaces7, REF.srcTypes],
  },
  shareProcessNamespace: {
    summary: "One PID namespace for all containers of the pod.",
    unset: "false: each container has its own PID namespace and its first process is PID 1.",
    kernel:
      "All containers join the pod sandbox's PID namespace; the pause process is PID 1, containers see and can signal each other's processes, and /proc/<pid>/root exposes each other's file systems to processes with the same uid or CAP_SYS_PTRACE.",
    attacker: "With false an attacker in one container cannot see, signal or read the files (via /proc/<pid>/root) of the other containers' processes.",
    mistakes: ["Combining it with hostPID: rejected.", "Expecting your process to be PID 1: with sharing on, pause is."],
    upstream: `${TYPES} (PodSpec.ShareProcessNamespace)`,
    sources: [`${TYPES} (ShareProcessNamespace: 'HostPID and ShareProcessNamespace cannot both be set')`, GATES.PodShareProcessNamespace.source, "kubernetes/api tags: field first in kubernetes-1.10.0"],
    references: [REF.shareProcessNamespace, REF.pidNamespaces7, REF.proc5, REF.kepSharePid, REF.srcTypes],
  },
  "os.name": {
    summary: "The operating system of the pod's containers: which securityContext fields are allowed.",
    unset: "No OS declared: the API server checks no OS-specific fields, and the node's OS decides what applies.",
    kernel:
      "No kernel mechanism. With linux, windowsOptions is rejected; with windows, every Linux-only field is (hostPID, hostIPC, hostUsers, shareProcessNamespace, appArmorProfile, seLinuxOptions, seccompProfile, fsGroup, fsGroupChangePolicy, sysctls, runAsUser, runAsGroup, supplementalGroups, supplementalGroupsPolicy, seLinuxChangePolicy, capabilities, readOnlyRootFilesystem, privileged, allowPrivilegeEscalation, procMount).",
    attacker: "Nothing directly; it makes the API server reject settings that would be silently ignored on the other OS.",
    mistakes: ["Setting os.name: windows and keeping Linux hardening fields from a template: the API server rejects the pod."],
    upstream: `${TYPES} (PodSpec.OS)`,
    sources: [`${TYPES} (PodSpec.OS: the lists of fields that must be unset for linux and for windows; seLinuxChangePolicy by its own comment 'cannot be set when spec.os.name is windows')`, GATES.IdentifyPodOS.source, "kubernetes/api tags: field first in kubernetes-1.23.0"],
    references: [REF.pss, REF.kepPodOS, REF.srcTypes],
  },
};

/** The prose of a catalogue entry, by its name (undefined for a name the catalogue does not have). */
export function proseOf(name: CatalogueName): FieldProse;
export function proseOf(name: string): FieldProse | undefined;
export function proseOf(name: string): FieldProse | undefined {
  return Object.hasOwn(FIELD_PROSE, name) ? FIELD_PROSE[name as CatalogueName] : undefined;
}

/** The prose of an entry of FIELDS or POD_SETTINGS_SPECS, which always has one (FIELD_PROSE is typed by their names). */
export function entryProse(entry: CatalogueEntry): FieldProse {
  const prose = proseOf(entry.name);
  if (!prose) throw new Error(`the catalogue has no prose for ${entry.name}`);
  return prose;
}
