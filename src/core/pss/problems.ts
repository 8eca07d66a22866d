// Pod Security violations as diagnostics: one per place a violation names (each container it
// names, the pod, a host namespace, a volume), on the line of the field it is about, so they are
// listed with the other problems and underlined in the editor. Pure: positions come from the
// Workload (field lines) and, when given, from a locator for what the Workload does not carry
// (hostNetwork, volumes, ports).

import type { Container, Diagnostic, EffectiveField, PssViolation, Workload } from "../types";
import { violationsOfContainer, podLevelViolations } from "./perContainer";
import { PSS_CHECKS } from "./registry";

export interface Located {
  line: number;
  column: number;
  endLine?: number;
  endColumn?: number;
}
/** Finds a document path (as in `Container.path`) in the text; undefined when it is not written. */
export type Locator = (document: number, path: string) => Located | undefined;

/** The securityContext field each per-container check is about. */
const CHECK_FIELD: Record<string, EffectiveField | undefined> = {
  allowPrivilegeEscalation: "allowPrivilegeEscalation",
  appArmorProfile: "appArmorProfile",
  capabilities_baseline: "capabilities",
  capabilities_restricted: "capabilities",
  privileged: "privileged",
  procMount: "procMount",
  procMount_restricted: "procMount",
  runAsNonRoot: "runAsNonRoot",
  runAsUser: "runAsUser",
  seLinuxOptions: "seLinuxOptions",
  seccompProfile_baseline: "seccompProfile",
  seccompProfile_restricted: "seccompProfile",
  sysctls: "sysctls",
  windowsHostProcess: "windowsOptions",
};

const SOURCE = new Map(PSS_CHECKS.map((c) => [c.id, c.source]));

export const PSS_CODES = { baseline: "pss-baseline", restricted: "pss-restricted" } as const;

/** Pod Security's own wording for one violation: `reason (detail)`, as in its forbidden message. */
export function violationText(level: "baseline" | "restricted", v: PssViolation): string {
  // Upstream ForbiddenDetail: the parenthesised detail only when there is one.
  return `Pod Security ${level}: ${v.detail ? `${v.reason} (${v.detail})` : v.reason}`;
}

function lineOnly(line: number): Located {
  return { line, column: 1 };
}

/** Where a container's violation of a check points: the field as written, else where it would go. */
function containerPlace(w: Workload, c: Container, check: string, locate?: Locator): Located {
  const field = CHECK_FIELD[check];
  if (field) {
    const e = c.effective[field];
    if (e.path && (e.source === "container" || e.source === "pod")) {
      const at = locate?.(w.document, e.path);
      if (at) return at;
      if (e.line) return lineOnly(e.line);
    }
    // Not written (or from the image): the container's securityContext is where it would go.
    const sc = locate?.(w.document, `${c.path}.securityContext`);
    if (sc) return sc;
    if (c.securityContextLine) return lineOnly(c.securityContextLine);
  }
  if (check === "hostPorts") {
    const ports = locate?.(w.document, `${c.path}.ports`);
    if (ports) return ports;
  }
  return locate?.(w.document, `${c.path}.name`) ?? lineOnly(c.line);
}

/** Where a violation of the pod as a whole points. */
function podPlaces(w: Workload, v: PssViolation, locate?: Locator): Located[] {
  const spec = w.podSpecPath;
  const at = (path: string) => locate?.(w.document, path);
  const fallback = (): Located => at(spec) ?? lineOnly(w.pod.line ?? w.line);
  if (v.check === "hostNamespaces") {
    const named = ["hostNetwork", "hostPID", "hostIPC"].filter((k) => v.detail.includes(`${k}=true`));
    const places = named.map((k) => at(`${spec}.${k}`)).filter((p): p is Located => p !== undefined);
    return places.length ? places : [fallback()];
  }
  if (v.check === "hostPathVolumes" || v.check === "restrictedVolumes") {
    const names = [...v.detail.matchAll(/"((?:[^"\\]|\\.)*)"/g)].map((m) => m[1]);
    const volumes = w.volumes ?? [];
    const places = names
      .map((n) => volumes.findIndex((x) => x.name === n))
      .filter((i) => i >= 0)
      .map((i) => at(`${spec}.volumes[${i}]`))
      .filter((p): p is Located => p !== undefined);
    return places.length ? places : [at(`${spec}.volumes`) ?? fallback()];
  }
  const field = CHECK_FIELD[v.check];
  const f = field && w.pod.fields.find((x) => x.name === field);
  if (f) return [at(f.path) ?? lineOnly(f.line)];
  return [fallback()];
}

/**
 * The diagnostics for a workload's Pod Security results. Baseline violations are errors (most
 * clusters enforce baseline); restricted-only ones are warnings, each message naming its level.
 */
export function pssDiagnostics(w: Workload, locate?: Locator): Diagnostic[] {
  if (!w.pss) return [];
  const out: Diagnostic[] = [];
  const seen = new Set<string>();
  for (const level of ["baseline", "restricted"] as const) {
    const result = w.pss[level];
    if (result.allowed) continue;
    const placed = new Set<PssViolation>();
    const add = (v: PssViolation, at: Located, path?: string) => {
      placed.add(v);
      const key = `${v.check}|${v.reason}|${v.detail}|${at.line}|${at.column}`;
      // Restricted repeats the baseline checks: list each problem once, at its strictest level.
      if (seen.has(key)) return;
      seen.add(key);
      out.push({
        severity: level === "baseline" ? "error" : "warning",
        code: PSS_CODES[level],
        message: violationText(level, v),
        path,
        line: at.line,
        column: at.column,
        endLine: at.endLine,
        endColumn: at.endColumn,
        source: SOURCE.get(v.check),
      });
    };
    w.containers.forEach((c) => {
      for (const v of violationsOfContainer(result, c.name)) add(v, containerPlace(w, c, v.check, locate), c.path);
    });
    for (const v of podLevelViolations(result)) for (const at of podPlaces(w, v, locate)) add(v, at, w.podSpecPath);
    // A pod-and-container violation ("pod and container "a" must not…") also points at the pod's field.
    for (const v of result.violations) {
      if (!/^pod (and|or) /.test(v.detail)) continue;
      const field = CHECK_FIELD[v.check];
      const f = field && w.pod.fields.find((x) => x.name === field);
      if (f) add(v, locate?.(w.document, f.path) ?? lineOnly(f.line), f.path);
    }
    // Anything not placed yet (a light copy of a big dump has no containers): the workload's line.
    for (const v of result.violations) if (!placed.has(v)) add(v, locate?.(w.document, w.podSpecPath) ?? lineOnly(w.line), w.podSpecPath);
  }
  return out.sort((a, b) => a.line - b.line || a.column - b.column);
}
