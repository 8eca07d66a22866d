// The concrete actions, as data: a stable id, a title, the settings that can change the answer and
// the upstream code (or man page) the answer rests on. evaluate.ts decides each for a container.
// Verdicts are about the container's first process as it starts (its uid and capability sets);
// gaining more through set-user-ID or file-capability binaries is its own action.

export interface ActionSpec {
  id: string;
  title: string;
  /** Effective fields or pod settings that can change the verdict. */
  fields: string[];
  /** The kernel (or kubelet) code the rule rests on; seccomp and runtime facts are added per line. */
  source: string;
}

const LINUX = "torvalds/linux";

export const ACTIONS: readonly ActionSpec[] = [
  {
    id: "bind-privileged-port",
    title: "Bind a port below 1024 (e.g. :80)",
    fields: ["capabilities", "runAsUser", "sysctls", "hostNetwork"],
    source: `${LINUX} net/ipv4/af_inet.c __inet_bind (inet_port_requires_bind_service: port < net.ipv4.ip_unprivileged_port_start needs ns_capable(CAP_NET_BIND_SERVICE)); inet_init_net (a new network namespace starts at 1024)`,
  },
  {
    id: "ping",
    title: "Ping (ICMP echo)",
    fields: ["capabilities", "runAsUser", "runAsGroup", "sysctls", "hostNetwork"],
    source: `${LINUX} net/ipv4/ping.c ping_init_sock (an ICMP datagram socket needs a group inside net.ipv4.ping_group_range); net/ipv4/af_inet.c inet_init_net (range "1 0", nobody, in a new network namespace) and inet_create (SOCK_RAW needs CAP_NET_RAW)`,
  },
  {
    id: "raw-socket",
    title: "Open a raw socket / sniff traffic",
    fields: ["capabilities", "runAsUser", "hostNetwork"],
    source: `${LINUX} net/ipv4/af_inet.c inet_create ("if (sock->type == SOCK_RAW && !kern && !ns_capable(net->user_ns, CAP_NET_RAW))"); net/packet/af_packet.c packet_create (CAP_NET_RAW); man-pages raw(7), packet(7)`,
  },
  {
    id: "chown-others-file",
    title: "Chown a file it does not own",
    fields: ["capabilities", "runAsUser"],
    source: `${LINUX} fs/attr.c chown_ok (CAP_CHOWN via capable_wrt_inode_uidgid); man-pages chown(2), capabilities(7) CAP_CHOWN`,
  },
  {
    id: "read-others-file",
    title: "Read a file owned by another uid (DAC override)",
    fields: ["capabilities", "runAsUser"],
    source: `${LINUX} fs/namei.c generic_permission (CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH via capable_wrt_inode_uidgid); man-pages capabilities(7)`,
  },
  {
    id: "write-root-filesystem",
    title: "Write to the root filesystem (save a downloaded script)",
    fields: ["readOnlyRootFilesystem", "runAsUser", "capabilities"],
    source:
      "containerd/containerd internal/cri/server/container_create.go (oci.WithRootFSReadonly when ReadonlyRootfs, pkg/oci/spec_opts.go WithRootFSReadonly: Root.Readonly); cri-o/cri-o server/container_create_linux.go (g.SetRootReadonly); opencontainers/runc libcontainer/rootfs_linux.go (read-only remount of /); man-pages mount(2) MS_RDONLY → EROFS",
  },
  {
    id: "write-volume",
    title: "Write to a mounted volume",
    fields: ["volumeMounts", "fsGroup", "runAsUser", "supplementalGroups", "capabilities"],
    source:
      "kubernetes/kubernetes pkg/kubelet/kubelet_pods.go makeMounts (readOnly mounts); pkg/volume/emptydir/empty_dir.go (directory mode 0777); pkg/volume/secret, configmap, downwardapi, projected GetAttributes (ReadOnly: true); pkg/volume/volume_linux.go SetVolumeOwnership (fsGroup)",
  },
  {
    id: "setuid-to-root",
    title: "Become root through a setuid-root binary (sudo, su)",
    fields: ["allowPrivilegeEscalation", "runAsUser", "capabilities", "privileged"],
    source: `${LINUX} security/commoncap.c cap_bprm_creds_from_file (LSM_UNSAFE_NO_NEW_PRIVS: the set-user-ID bit is ignored); man-pages execve(2), prctl(2) PR_SET_NO_NEW_PRIVS, credentials(7); kubernetes pkg/securitycontext/util.go AddNoNewPrivileges`,
  },
  {
    id: "file-capabilities",
    title: "Gain capabilities through file capabilities",
    fields: ["allowPrivilegeEscalation", "capabilities", "runAsUser"],
    source: `${LINUX} security/commoncap.c cap_bprm_creds_from_file (P'(permitted) = (P(inheritable) & F(inheritable)) | (F(permitted) & P(bounding)); no gain under no_new_privs); man-pages capabilities(7) "File capabilities"`,
  },
  {
    id: "set-system-clock",
    title: "Change the system clock",
    fields: ["capabilities", "runAsUser", "seccompProfile", "hostUsers"],
    source: `${LINUX} kernel/time/time.c do_sys_settimeofday64 → security/commoncap.c cap_settime (capable(CAP_SYS_TIME), in the initial user namespace: the clock is the node's); man-pages clock_settime(2)`,
  },
  {
    id: "load-kernel-module",
    title: "Load a kernel module",
    fields: ["capabilities", "runAsUser", "seccompProfile", "hostUsers"],
    source: `${LINUX} kernel/module/main.c may_init_module ("if (!capable(CAP_SYS_MODULE) || modules_disabled) return -EPERM"); man-pages init_module(2)`,
  },
  {
    id: "mount-filesystem",
    title: "Mount a filesystem",
    fields: ["capabilities", "runAsUser", "seccompProfile", "appArmorProfile", "privileged"],
    source: `${LINUX} fs/namespace.c may_mount (ns_capable(mnt_ns->user_ns, CAP_SYS_ADMIN)); containerd/containerd contrib/apparmor/template.go ("deny mount,"); man-pages mount(2)`,
  },
  {
    id: "create-user-namespace",
    title: "Create a user namespace (unshare -U)",
    fields: ["seccompProfile", "capabilities", "privileged"],
    source: `${LINUX} kernel/user_namespace.c create_user_ns; kernel/fork.c ksys_unshare / copy_process (CLONE_NEWUSER needs no capability); man-pages user_namespaces(7), unshare(2)`,
  },
  {
    id: "ptrace-other-process",
    title: "Ptrace / read the memory of another process in the pod",
    fields: ["shareProcessNamespace", "hostPID", "capabilities", "runAsUser"],
    source: `${LINUX} kernel/ptrace.c __ptrace_may_access (same uid, or CAP_SYS_PTRACE); security/commoncap.c cap_ptrace_access_check; security/yama/yama_lsm.c yama_ptrace_access_check; man-pages ptrace(2) "Ptrace access mode checking"; kubernetes pkg/kubelet/kuberuntime/util/util.go PidNamespaceForPod`,
  },
  {
    id: "see-host-processes",
    title: "See the node's processes",
    fields: ["hostPID"],
    source: "kubernetes/kubernetes pkg/kubelet/kuberuntime/util/util.go PidNamespaceForPod (hostPID → NamespaceMode_NODE); man-pages pid_namespaces(7)",
  },
  {
    id: "host-network",
    title: "Reach the node's network interfaces",
    fields: ["hostNetwork"],
    source: "kubernetes/kubernetes pkg/kubelet/kuberuntime/util/util.go NetworkNamespaceForPod (hostNetwork → NamespaceMode_NODE); man-pages network_namespaces(7)",
  },
  {
    id: "read-host-files",
    title: "Read the node's files",
    fields: ["volumes", "volumeMounts", "privileged", "runAsUser"],
    source:
      "kubernetes/kubernetes pkg/volume/hostpath/host_path.go (the node's path bind-mounted as is); containerd/containerd pkg/oci/spec_opts_linux.go WithDevices / WithPrivileged (every host device for a privileged container); cri-o server/container_create_linux.go setOCIBindMountsPrivileged",
  },
  {
    id: "read-masked-proc",
    title: "Read /proc/kcore, /proc/keys (masked paths)",
    fields: ["procMount", "privileged", "capabilities"],
    source: `kubernetes/kubernetes pkg/securitycontext/util.go defaultMaskedPaths; opencontainers/runc libcontainer/rootfs_linux.go maskPath (/dev/null bind-mounted over a file); ${LINUX} fs/proc/kcore.c open_kcore (capable(CAP_SYS_RAWIO))`,
  },
  {
    id: "write-proc-sys",
    title: "Write /proc/sys (kernel settings)",
    fields: ["procMount", "privileged", "runAsUser"],
    source: "kubernetes/kubernetes pkg/securitycontext/util.go defaultReadonlyPaths; opencontainers/runc libcontainer/rootfs_linux.go readonlyPath (read-only bind mount)",
  },
  {
    id: "create-device-nodes",
    title: "Create device nodes (mknod)",
    fields: ["capabilities", "runAsUser", "hostUsers"],
    source: `${LINUX} fs/namei.c vfs_mknod (character and block nodes need capable(CAP_MKNOD)); opencontainers/runc libcontainer/specconv/spec_linux.go AllowedDevices (the device cgroup allows mknod "m" of any node but reads and writes of only a few)`,
  },
  {
    id: "kernel-keyring-bpf-perf",
    title: "Use keyctl, bpf, perf_event_open",
    fields: ["seccompProfile", "capabilities", "privileged"],
    source: `${LINUX} security/keys/keyctl.c (keyctl needs no capability); kernel/bpf/syscall.c bpf_capable / sysctl_unprivileged_bpf_disabled; kernel/events/core.c perf_event_open (perf_event_paranoid, CAP_PERFMON)`,
  },
];

const BY_ID = new Map(ACTIONS.map((a) => [a.id, a]));

export function actionSpec(id: string): ActionSpec | undefined {
  return BY_ID.get(id.split(":")[0]);
}
