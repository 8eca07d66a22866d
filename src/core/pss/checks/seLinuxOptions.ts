// Baseline: the SELinux type is limited to the container types, and user and role may not be set.
import { ALLOWED, forbidden, upstreamFile, type FixEdit, type PssCheck, type CheckResult } from "../check.ts";
import type { ContainerView, PodView, SeLinuxView } from "../decode.ts";
import { joinQuote, pluralize, sortedSet } from "../go.ts";
import { containerNames, scPath } from "./paths.ts";

/** Upstream selinuxAllowedTypes1_0. */
const ALLOWED_TYPES_1_0: ReadonlySet<string> = new Set(["", "container_t", "container_init_t", "container_kvm_t"]);
/** Upstream selinuxAllowedTypes1_31: adds container_engine_t. */
const ALLOWED_TYPES_1_31: ReadonlySet<string> = new Set([...ALLOWED_TYPES_1_0, "container_engine_t"]);

export function seLinuxAllowedTypes(minor: number): ReadonlySet<string> {
  return minor >= 31 ? ALLOWED_TYPES_1_31 : ALLOWED_TYPES_1_0;
}

function valid(o: SeLinuxView, allowed: ReadonlySet<string>): boolean {
  return allowed.has(o.type) && o.user === "" && o.role === "";
}

function badOwners(pod: PodView, allowed: ReadonlySet<string>): { pod: boolean; containers: ContainerView[] } {
  const p = pod.securityContext?.seLinuxOptions;
  return {
    pod: p !== undefined && !valid(p, allowed),
    containers: pod.containers.filter((c) => {
      const o = c.securityContext?.seLinuxOptions;
      return o !== undefined && !valid(o, allowed);
    }),
  };
}

function check(pod: PodView, allowed: ReadonlySet<string>): CheckResult {
  const bad = badOwners(pod, allowed);
  const options = [
    ...(bad.pod ? [pod.securityContext!.seLinuxOptions!] : []),
    ...bad.containers.map((c) => c.securityContext!.seLinuxOptions!),
  ];
  if (options.length === 0) return ALLOWED;
  const setters: string[] = [];
  if (bad.pod) setters.push("pod");
  if (bad.containers.length) setters.push(containerNames(bad.containers));
  const types = sortedSet(options.filter((o) => !allowed.has(o.type)).map((o) => o.type));
  const data: string[] = [];
  if (types.length) data.push(`${pluralize("type", "types", types.length)} ${joinQuote(types)}`);
  if (options.some((o) => o.user !== "")) data.push("user may not be set");
  if (options.some((o) => o.role !== "")) data.push("role may not be set");
  return forbidden(
    "seLinuxOptions",
    `${setters.join(" and ")} set forbidden securityContext.seLinuxOptions: ${data.join("; ")}`,
  );
}

export const seLinuxOptions: PssCheck = {
  id: "seLinuxOptions",
  level: "baseline",
  source: upstreamFile("check_seLinuxOptions.go"),
  versions: [
    {
      minimumVersion: 0,
      change: "type in {container_t, container_init_t, container_kvm_t} or empty; no user or role",
      checkPod: (pod) => check(pod, ALLOWED_TYPES_1_0),
    },
    {
      minimumVersion: 31,
      change: "container_engine_t is also allowed",
      checkPod: (pod) => check(pod, ALLOWED_TYPES_1_31),
    },
  ],
  fix(pod, minor) {
    const allowed = seLinuxAllowedTypes(minor);
    const bad = badOwners(pod, allowed);
    const edits: FixEdit[] = [];
    const owners: (ContainerView | "pod")[] = [...(bad.pod ? ["pod" as const] : []), ...bad.containers];
    for (const owner of owners) {
      const o = owner === "pod" ? pod.securityContext!.seLinuxOptions! : owner.securityContext!.seLinuxOptions!;
      if (!allowed.has(o.type)) edits.push({ path: scPath(owner, "seLinuxOptions.type"), value: undefined });
      if (o.user !== "") edits.push({ path: scPath(owner, "seLinuxOptions.user"), value: undefined });
      if (o.role !== "") edits.push({ path: scPath(owner, "seLinuxOptions.role"), value: undefined });
    }
    return {
      description: "Remove the forbidden SELinux type, user and role; keep level if you need an MCS label.",
      edits,
    };
  },
};
