// Node facts a manifest cannot show but some actions depend on. Each has a default (what a common
// node has) that the user can change: AnalyzeOptions.node, the CLI flags and the app's what-if.

import type { NodeAssumptions } from "../types";

export interface ResolvedNode {
  ptraceScope: 0 | 1 | 2 | 3;
  unprivilegedUserns: boolean;
}

export const NODE_DEFAULTS: ResolvedNode = { ptraceScope: 1, unprivilegedUserns: true };

export const NODE_FACTS = {
  ptraceScope: {
    flag: "--ptrace-scope",
    describe: (v: number) => `Yama kernel.yama.ptrace_scope = ${v}`,
    source: "torvalds/linux security/yama/yama_lsm.c yama_ptrace_access_check (ptrace_scope 0 classic, 1 restricted to descendants, 2 CAP_SYS_PTRACE only, 3 no attach); Documentation/admin-guide/LSM/Yama.rst",
    note: "1 is the default of kernels built with Yama (Ubuntu, Debian, Fedora); a kernel without Yama behaves as 0.",
  },
  unprivilegedUserns: {
    flag: "--no-unprivileged-userns",
    describe: (v: boolean) => (v ? "the node lets unprivileged processes create user namespaces" : "the node refuses user namespaces to unprivileged processes"),
    source: "man-pages user_namespaces(7); torvalds/linux kernel/user_namespace.c create_user_ns (user.max_user_namespaces); distribution switches such as Debian's kernel.unprivileged_userns_clone and Ubuntu's kernel.apparmor_restrict_unprivileged_userns",
    note: "Allowed by default in upstream Linux; some distributions restrict it.",
  },
} as const;

export function resolveNode(node: NodeAssumptions | undefined): ResolvedNode {
  const scope = node?.ptraceScope;
  return {
    ptraceScope: scope === 0 || scope === 1 || scope === 2 || scope === 3 ? scope : NODE_DEFAULTS.ptraceScope,
    unprivilegedUserns: typeof node?.unprivilegedUserns === "boolean" ? node.unprivilegedUserns : NODE_DEFAULTS.unprivilegedUserns,
  };
}
