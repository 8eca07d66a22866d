// The API server's securityContext rules (kubernetes/kubernetes pkg/apis/core/validation/
// validation.go): ValidateSecurityContext for containers, validatePodSpecSecurityContext for the
// pod, and the pod-spec rules that read securityContext fields (hostUsers, OS, HostProcess).
// Rules run only on values that decode (strict.ts reports the others) and only on fields the API
// server keeps at the chosen version (unknown or feature-gate-dropped fields never reach
// validation upstream either).

import { fieldSpec, FIELDS, podSettingSpec, stageAt, type Level } from "../catalogue/fields";
import { get, isMap, type YMap } from "../yaml/access";
import { gateOnByDefault, isDropped } from "./featureGates";
import { child, report, type Ctx } from "./findings";
import { GoRaw, goQuote, InclusiveRangeError, MaxLenError, RegexError, utf8Length } from "./format";
import { APIMACHINERY_VALIDATION, duplicate, forbidden, invalid, notSupported, required, sortedList, src, tooLong } from "./rules";
import { sinceOf } from "./scTypes";
import { arrayAt, boolAt, int64At, isSetAt, mapAt, stringAt } from "./values";

const MAX_ID = 2147483647; // math.MaxInt32: apimachinery IsValidUserID / IsValidGroupID

/** Whether a securityContext field reaches validation at this version: known, and not dropped by a gate. */
function kept(ctx: Ctx, level: Level, field: string): boolean {
  const f = fieldSpec(field);
  if (!f || !f.levels.includes(level)) return false;
  const since = sinceOf(f);
  if (since !== undefined && ctx.minor < since) return false;
  return !isDropped(level === "pod" ? "pod-securityContext" : "container-securityContext", field, ctx.minor);
}

/** Allowed values of a catalogue enum (a field's, or a sub-field's), sorted as upstream lists them. */
function enumOf(field: string, sub?: string): string[] {
  const f = fieldSpec(field);
  const values = sub ? f?.fields?.find((s) => s.name === sub)?.enum : f?.enum;
  return sortedList(values ?? []);
}

// ---------------------------------------------------------------------------------------------
// Rules as data.

/** User and group ids: IsValidUserID / IsValidGroupID, 0..2147483647. */
export const ID_RULES: readonly { level: Level; field: string; list?: true; source: string }[] = [
  { level: "pod", field: "fsGroup", source: src("validatePodSpecSecurityContext") },
  { level: "pod", field: "runAsUser", source: src("validatePodSpecSecurityContext") },
  { level: "pod", field: "runAsGroup", source: src("validatePodSpecSecurityContext") },
  { level: "pod", field: "supplementalGroups", list: true, source: src("validatePodSpecSecurityContext") },
  { level: "container", field: "runAsUser", source: src("ValidateSecurityContext") },
  { level: "container", field: "runAsGroup", source: src("ValidateSecurityContext") },
];

/** Enum fields rejected with field.NotSupported; the values come from the catalogue. */
export const ENUM_RULES: readonly { level: Level; field: string; source: string; supported?: (minor: number) => string[] | undefined }[] = [
  { level: "container", field: "procMount", source: src("ValidateProcMountType") },
  { level: "pod", field: "fsGroupChangePolicy", source: src("validateFSGroupChangePolicy") },
  { level: "pod", field: "supplementalGroupsPolicy", source: src("validateSupplementalGroupsPolicy") },
  {
    level: "pod",
    field: "seLinuxChangePolicy",
    source: `${src("validateSELinuxChangePolicy")}; kubernetes/kubernetes pkg/api/pod/util.go (useOnlyRecursiveSELinuxChangePolicy)`,
    // With the SELinuxMount gate off by default (catalogue: beta off 1.33–1.36, GA 1.37) only
    // "Recursive" is accepted on create.
    supported: (minor) => (gateOnByDefault("SELinuxMount", minor) === false ? ["Recursive"] : undefined),
  },
];

// ---------------------------------------------------------------------------------------------

function checkIds(ctx: Ctx, sc: YMap, scPath: string, level: Level): void {
  for (const r of ID_RULES) {
    if (r.level !== level || !kept(ctx, level, r.field)) continue;
    const path = child(scPath, r.field);
    const values: [number, string][] = [];
    if (r.list) {
      (arrayAt(sc, r.field) ?? []).forEach((v, i) => {
        if (typeof v === "number" && Number.isInteger(v) && Math.abs(v) < 2 ** 63) values.push([v, child(path, i)]);
      });
    }
    else {
      const v = int64At(sc, r.field);
      if (v !== undefined) values.push([v, path]);
    }
    const f = fieldSpec(r.field);
    const lo = f?.minimum ?? 0;
    const hi = f?.maximum ?? MAX_ID;
    for (const [v, p] of values) {
      if (v < lo || v > hi) invalid(ctx, { msgPath: p }, v, InclusiveRangeError(lo, hi), `${r.source}; ${APIMACHINERY_VALIDATION} (IsValidUserID, IsValidGroupID)`);
    }
  }
}

function checkEnum(ctx: Ctx, sc: YMap, scPath: string, level: Level, field: string): void {
  const r = ENUM_RULES.find((x) => x.level === level && x.field === field);
  if (!r || !kept(ctx, level, field)) return;
  const v = stringAt(sc, field);
  if (v === undefined) return;
  const supported = r.supported?.(ctx.minor) ?? enumOf(field);
  if (supported.length > 0 && !supported.includes(v)) notSupported(ctx, { msgPath: child(scPath, field) }, v, supported, r.source);
}

/** validateLocalDescendingPath: relative, and no ".." element. */
function checkLocalDescendingPath(ctx: Ctx, value: string, path: string, source: string): void {
  if (value.startsWith("/")) invalid(ctx, { msgPath: path }, value, "must be a relative path", source);
  if (value.split("/").includes("..")) invalid(ctx, { msgPath: path }, value, "must not contain '..'", source);
}

/** validateSeccompProfileField. */
function checkSeccomp(ctx: Ctx, sc: YMap, scPath: string, level: Level): void {
  if (!kept(ctx, level, "seccompProfile")) return;
  const p = mapAt(sc, "seccompProfile");
  if (!p) return;
  const path = child(scPath, "seccompProfile");
  const source = src("validateSeccompProfileField");
  const type = isSetAt(p, "type") ? stringAt(p, "type") : "";
  const lp = isSetAt(p, "localhostProfile") ? stringAt(p, "localhostProfile") : null;
  if (type === undefined || lp === undefined) return; // wrong type: the request fails in decoding
  const types = enumOf("seccompProfile", "type");
  if (type === "") required(ctx, { msgPath: child(path, "type"), rel: isSetAt(p, "type") ? child(path, "type") : path }, "type is required when seccompProfile is set", source);
  else if (types.length > 0 && !types.includes(type)) notSupported(ctx, { msgPath: child(path, "type") }, type, types, `${src("validateSeccompProfileType")}`);
  const lpPath = child(path, "localhostProfile");
  if (type === "Localhost") {
    if (lp === null) required(ctx, { msgPath: lpPath, rel: path }, "must be set when seccomp type is Localhost", source);
    else checkLocalDescendingPath(ctx, lp, lpPath, `${source}; ${src("validateLocalDescendingPath")}`);
  } else if (lp !== null) {
    // Upstream passes the *SeccompProfile; %#v prints the struct with the pointer's address.
    invalid(ctx, { msgPath: lpPath, at: "key" }, new GoRaw(`core.SeccompProfile{Type:${goQuote(type)}, LocalhostProfile:(*string)(…)}`), "can only be set when seccomp type is Localhost", source);
  }
}

/** strings.TrimSpace's white space (unicode.IsSpace). */
const GO_SPACE = "[\\t\\n\\v\\f\\r \\u0085\\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000]";
const GO_TRIM = new RegExp(`^${GO_SPACE}+|${GO_SPACE}+$`, "g");

/** ValidateAppArmorProfileField. */
function checkAppArmor(ctx: Ctx, sc: YMap, scPath: string, level: Level): void {
  if (!kept(ctx, level, "appArmorProfile")) return;
  const p = mapAt(sc, "appArmorProfile");
  if (!p) return;
  const path = child(scPath, "appArmorProfile");
  const source = src("ValidateAppArmorProfileField");
  const type = isSetAt(p, "type") ? stringAt(p, "type") : "";
  const lp = isSetAt(p, "localhostProfile") ? stringAt(p, "localhostProfile") : null;
  if (type === undefined || lp === undefined) return;
  const lpPath = child(path, "localhostProfile");
  switch (type) {
    case "Localhost":
      if (lp === null) {
        required(ctx, { msgPath: lpPath, rel: path }, "must be set when AppArmor type is Localhost", source);
        break;
      }
      if (lp.replace(GO_TRIM, "") !== lp) invalid(ctx, { msgPath: lpPath }, lp, "must not be padded with whitespace", source);
      else if (lp === "") required(ctx, { msgPath: lpPath }, "must be set when AppArmor type is Localhost", source);
      if (utf8Length(lp) > 4095) tooLong(ctx, { msgPath: lpPath }, 4095, source); // PATH_MAX - 1
      break;
    case "RuntimeDefault":
    case "Unconfined":
      if (lp !== null) invalid(ctx, { msgPath: lpPath }, lp, "can only be set when AppArmor type is Localhost", source);
      break;
    case "":
      required(ctx, { msgPath: child(path, "type"), rel: isSetAt(p, "type") ? child(path, "type") : path }, "type is required when appArmorProfile is set", source);
      break;
    default:
      notSupported(ctx, { msgPath: child(path, "type") }, type, enumOf("appArmorProfile", "type"), source);
  }
}

// validateWindowsSecurityContextOptions: limits and patterns.
const MAX_GMSA_SPEC = 64 * 1024;
const MAX_DOMAIN = 256;
const MAX_USER = 104;
const CTRL = /[\x00-\x1f\x7f]/; // [[:cntrl:]]
const NETBIOS = /^[^\\/:*?"<>|.][^\\/:*?"<>|]{0,14}$/u;
const DNS_LABEL = "[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?";
const WINDOWS_DOMAIN_DNS = new RegExp(`^${DNS_LABEL}(?:\\.${DNS_LABEL})*$`);
const BAD_USER_CHARS = /["/\\:;|=,+*?<>@[\]]/;
const DOTS_SPACES = /^[. ]+$/;

const DNS1123_LABEL_FMT = "[a-z0-9]([-a-z0-9]*[a-z0-9])?";
const DNS1123_SUBDOMAIN_FMT = `${DNS1123_LABEL_FMT}(\\.${DNS1123_LABEL_FMT})*`;
const DNS1123_SUBDOMAIN = new RegExp(`^${DNS1123_SUBDOMAIN_FMT}$`);

/** apimachinery IsDNS1123Subdomain. */
export function isDNS1123Subdomain(value: string): string[] {
  const errs: string[] = [];
  if (value.length > 253) errs.push(MaxLenError(253));
  if (!DNS1123_SUBDOMAIN.test(value)) {
    errs.push(
      RegexError(
        "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character",
        DNS1123_SUBDOMAIN_FMT,
        "example.com",
      ),
    );
  }
  return errs;
}

function checkWindowsOptions(ctx: Ctx, sc: YMap, scPath: string, level: Level): void {
  if (!kept(ctx, level, "windowsOptions")) return;
  const w = mapAt(sc, "windowsOptions");
  if (!w) return;
  const path = child(scPath, "windowsOptions");
  const source = src("validateWindowsSecurityContextOptions");
  const name = stringAt(w, "gmsaCredentialSpecName");
  if (name !== undefined) for (const msg of isDNS1123Subdomain(name)) invalid(ctx, { msgPath: child(path, "gmsaCredentialSpecName") }, name, msg, source);
  const spec = stringAt(w, "gmsaCredentialSpec");
  if (spec !== undefined) {
    const l = utf8Length(spec);
    if (l === 0) invalid(ctx, { msgPath: child(path, "gmsaCredentialSpec") }, spec, "gmsaCredentialSpec cannot be an empty string", source);
    else if (l > MAX_GMSA_SPEC) invalid(ctx, { msgPath: child(path, "gmsaCredentialSpec") }, spec, `gmsaCredentialSpec size must be under ${MAX_GMSA_SPEC / 1024} KiB`, source);
  }
  const user = stringAt(w, "runAsUserName");
  if (user === undefined) return;
  const p = { msgPath: child(path, "runAsUserName") };
  if (user.length === 0) return invalid(ctx, p, user, "runAsUserName cannot be an empty string", source);
  if (CTRL.test(user)) return invalid(ctx, p, user, "runAsUserName cannot contain control characters", source);
  const parts = user.split("\\");
  if (parts.length > 2) return invalid(ctx, p, user, "runAsUserName cannot contain more than one backslash", source);
  const hasDomain = parts.length === 2;
  const domain = hasDomain ? parts[0] : "";
  const name2 = hasDomain ? parts[1] : parts[0];
  if (utf8Length(domain) >= MAX_DOMAIN) invalid(ctx, p, user, `runAsUserName's Domain length must be under ${MAX_DOMAIN} characters`, source);
  if (hasDomain && !(NETBIOS.test(domain) || WINDOWS_DOMAIN_DNS.test(domain))) invalid(ctx, p, user, "runAsUserName's Domain doesn't match the NetBios nor the DNS format", source);
  const l = utf8Length(name2);
  if (l === 0) invalid(ctx, p, user, "runAsUserName's User cannot be empty", source);
  else if (l > MAX_USER) invalid(ctx, p, user, `runAsUserName's User length must not be longer than ${MAX_USER} characters`, source);
  if (DOTS_SPACES.test(name2)) invalid(ctx, p, user, "runAsUserName's User cannot contain only periods or spaces", source);
  if (BAD_USER_CHARS.test(name2)) invalid(ctx, p, user, `runAsUserName's User cannot contain the following characters: "/\\:;|=,+*?<>@[]`, source);
}

// ---------------------------------------------------------------------------------------------
// Container: ValidateSecurityContext.

export interface PodFacts {
  spec: YMap;
  /** hostUsers as the API server keeps it: false only when set false, known and not dropped. */
  hostUsers: boolean;
  hostNetwork: boolean;
  hostPID: boolean;
  hostIPC: boolean;
}

/** Whether a pod-spec setting reaches validation at this version: known (catalogue `added`), not dropped. */
function podSettingKept(ctx: Ctx, name: "hostUsers" | "os"): boolean {
  const entry = podSettingSpec(name === "os" ? "os.name" : name);
  if (entry && !stageAt(entry, ctx.minor).present) return false;
  return !isDropped("podSpec", name, ctx.minor);
}

export function podFacts(ctx: Ctx, spec: YMap): PodFacts {
  const hostUsersKnown = podSettingKept(ctx, "hostUsers");
  return {
    spec,
    hostUsers: !(hostUsersKnown && boolAt(spec, "hostUsers") === false),
    hostNetwork: boolAt(spec, "hostNetwork") === true,
    hostPID: boolAt(spec, "hostPID") === true,
    hostIPC: boolAt(spec, "hostIPC") === true,
  };
}

const CONTAINER_SOURCE = src("ValidateSecurityContext");
const SC_STRUCT = new GoRaw("core.SecurityContext{…}"); // upstream prints the whole struct (%#v) with pointer addresses

export function checkContainerSecurityContext(ctx: Ctx, container: YMap, containerPath: string, pod: PodFacts): void {
  const sc = mapAt(container, "securityContext");
  if (!sc) return;
  const scPath = child(containerPath, "securityContext");
  checkIds(ctx, sc, scPath, "container");

  if (kept(ctx, "container", "procMount")) {
    checkEnum(ctx, sc, scPath, "container", "procMount");
    if (stringAt(sc, "procMount") === "Unmasked" && pod.hostUsers) {
      invalid(ctx, { msgPath: child(scPath, "procMount") }, "Unmasked", "`hostUsers` must be false to use `Unmasked`", CONTAINER_SOURCE);
    }
  }
  checkSeccomp(ctx, sc, scPath, "container");

  if (boolAt(sc, "allowPrivilegeEscalation") === false) {
    const ape = { msgPath: scPath, rel: child(scPath, "allowPrivilegeEscalation"), at: "value" as const };
    if (boolAt(sc, "privileged") === true) invalid(ctx, ape, SC_STRUCT, "cannot set `allowPrivilegeEscalation` to false and `privileged` to true", CONTAINER_SOURCE);
    const add = arrayAt(mapAt(sc, "capabilities"), "add") ?? [];
    const addPath = child(child(scPath, "capabilities"), "add");
    add.forEach((cap, i) => {
      if (cap === "CAP_SYS_ADMIN") {
        invalid(ctx, { msgPath: scPath, rel: child(addPath, i), at: "value" }, SC_STRUCT, "cannot set `allowPrivilegeEscalation` to false and `capabilities.Add` CAP_SYS_ADMIN", CONTAINER_SOURCE);
      } else if (typeof cap === "string" && cap.toUpperCase().replace(/^CAP_/, "") === "SYS_ADMIN") {
        // Upstream compares the literal string "CAP_SYS_ADMIN" only.
        report(ctx, {
          severity: "info",
          code: "sys-admin-spelling",
          message: `${goQuote(cap)} is CAP_SYS_ADMIN: the API server rejects allowPrivilegeEscalation: false only with the exact spelling "CAP_SYS_ADMIN", so it accepts this container — with no_new_privs set and CAP_SYS_ADMIN granted.`,
          rel: child(addPath, i),
          at: "value",
          source: CONTAINER_SOURCE,
        });
      }
    });
  }
  checkWindowsOptions(ctx, sc, scPath, "container");
  checkAppArmor(ctx, sc, scPath, "container");
}

// ---------------------------------------------------------------------------------------------
// Pod: validatePodSpecSecurityContext.

const SYSCTL_FMT = "^([a-z0-9]([-_a-z0-9]*[a-z0-9])?[\\./])*[a-z0-9]([-_a-z0-9]*[a-z0-9])?$";
const SYSCTL_RE = new RegExp(SYSCTL_FMT);

/** component-helpers node/util/sysctl NormalizeName: "a/b.c/d" is the slash form of "a.b/c.d". */
export function normalizeSysctl(name: string): string {
  const i = name.search(/[./]/);
  if (i === -1 || name[i] === ".") return name;
  return name.replace(/[./]/g, (c) => (c === "." ? "/" : "."));
}

const IPC_NAMES = new Set(["kernel.sem", "kernel.shmall", "kernel.shmmax", "kernel.shmmni", "kernel.shm_rmid_forced", "kernel.shm", "kernel.msgmax", "kernel.msgmnb", "kernel.msgmni", "kernel.msg"]);

/** component-helpers node/util/sysctl GetNamespace: "Net", "IPC", or "". */
export function sysctlNamespace(name: string): "Net" | "IPC" | "" {
  let s = normalizeSysctl(name);
  const star = s.indexOf("*");
  if (star !== -1) s = s.slice(0, star);
  if (IPC_NAMES.has(s)) return "IPC";
  if (s.startsWith("net.")) return "Net";
  if (s.startsWith("fs.mqueue.")) return "IPC";
  return "";
}

function checkSysctls(ctx: Ctx, sc: YMap, scPath: string, pod: PodFacts): void {
  if (!kept(ctx, "pod", "sysctls")) return;
  const list = arrayAt(sc, "sysctls");
  if (!list || list.length === 0) return;
  const path = child(scPath, "sysctls");
  const source = src("validateSysctls");
  const names = new Set<string>();
  list.forEach((item, i) => {
    if (item !== null && !isMap(item)) return;
    const raw = get(item, "name");
    if (raw !== undefined && raw !== null && typeof raw !== "string") return;
    const name = typeof raw === "string" ? raw : "";
    const namePath = child(child(path, i), "name");
    if (name === "") required(ctx, { msgPath: namePath, rel: typeof raw === "string" ? namePath : child(path, i) }, "", source);
    else if (name.length > 253 || !SYSCTL_RE.test(name)) invalid(ctx, { msgPath: namePath }, name, `must have at most 253 characters and match regex ${SYSCTL_FMT}`, source);
    else if (names.has(name)) duplicate(ctx, { msgPath: namePath }, name, source);
    // Added by kubernetes/kubernetes#118705 (2023): 1.29 and later.
    if (ctx.minor >= 29) {
      const ns = sysctlNamespace(name);
      if (pod.hostNetwork && ns === "Net") invalid(ctx, { msgPath: namePath }, name, "may not be specified when 'hostNetwork' is true", src("ValidateHostSysctl"));
      else if (pod.hostIPC && ns === "IPC") invalid(ctx, { msgPath: namePath }, name, "may not be specified when 'hostIPC' is true", src("ValidateHostSysctl"));
    }
    names.add(name);
  });
}

export function checkPodSecurityContext(ctx: Ctx, pod: PodFacts): void {
  const scPath = child(ctx.specPath, "securityContext");
  const sc = mapAt(pod.spec, "securityContext") ?? {};
  const source = src("validatePodSpecSecurityContext");
  checkIds(ctx, sc, scPath, "pod");
  // Upstream keeps shareProcessNamespace in the internal PodSecurityContext, hence the path.
  if (boolAt(pod.spec, "shareProcessNamespace") === true && pod.hostPID) {
    invalid(ctx, { msgPath: child(scPath, "shareProcessNamespace"), rel: child(ctx.specPath, "shareProcessNamespace"), at: "value" }, true, "ShareProcessNamespace and HostPID cannot both be enabled", source);
  }
  checkSysctls(ctx, sc, scPath, pod);
  checkEnum(ctx, sc, scPath, "pod", "fsGroupChangePolicy");
  checkSeccomp(ctx, sc, scPath, "pod");
  checkWindowsOptions(ctx, sc, scPath, "pod");
  checkAppArmor(ctx, sc, scPath, "pod");
  checkEnum(ctx, sc, scPath, "pod", "supplementalGroupsPolicy");
  checkEnum(ctx, sc, scPath, "pod", "seLinuxChangePolicy");
}

// ---------------------------------------------------------------------------------------------
// Pod spec rules that read securityContext fields.

/** Every container as upstream's VisitContainersWithPath walks them: init, regular, ephemeral. */
export function visitContainers(ctx: Ctx, spec: YMap, fn: (c: YMap, path: string) => void): void {
  for (const list of ["initContainers", "containers", "ephemeralContainers"]) {
    (arrayAt(spec, list) ?? []).forEach((c, i) => {
      // A null item decodes to an empty container; a non-object fails decoding.
      if (c === null) fn({}, child(child(ctx.specPath, list), i));
      else if (isMap(c)) fn(c, child(child(ctx.specPath, list), i));
    });
  }
}

/** validateWindowsHostProcessPod. */
export function checkHostProcess(ctx: Ctx, pod: PodFacts): void {
  const source = src("validateWindowsHostProcessPod");
  const podHP = boolAt(mapAt(mapAt(pod.spec, "securityContext"), "windowsOptions"), "hostProcess");
  let containers = 0;
  let hostProcess = 0;
  visitContainers(ctx, pod.spec, (c, path) => {
    containers++;
    const hp = boolAt(mapAt(mapAt(c, "securityContext"), "windowsOptions"), "hostProcess");
    if (podHP !== undefined && hp !== undefined && podHP !== hp) {
      invalid(ctx, { msgPath: `${path}.securityContext.windowsOptions.hostProcess` }, hp, `pod hostProcess value must be identical if both are specified, was ${podHP}`, source);
    }
    if (hp === true || (hp === undefined && podHP === true)) hostProcess++;
  });
  if (hostProcess === 0) return;
  if (hostProcess !== containers) {
    invalid(ctx, { msgPath: ctx.specPath, at: "key" }, "", "If pod contains any hostProcess containers then all containers must be HostProcess containers", source);
  }
  if (!pod.hostNetwork) {
    const hn = child(ctx.specPath, "hostNetwork");
    invalid(ctx, { msgPath: hn, rel: isSetAt(pod.spec, "hostNetwork") ? hn : ctx.specPath, at: isSetAt(pod.spec, "hostNetwork") ? "value" : "key" }, false, "hostNetwork must be true if pod contains any hostProcess containers", source);
  }
}

/** validateHostUsers: a user-namespaced pod may not share the host's other namespaces. */
export function checkHostUsers(ctx: Ctx, pod: PodFacts): void {
  if (pod.hostUsers) return;
  const source = src("validateHostUsers");
  const detail = "when `pod.Spec.HostUsers` is false";
  // Upstream names the last two "HostPID" and "HostIPC" (Go field names) in its paths.
  if (pod.hostNetwork) forbidden(ctx, { msgPath: child(ctx.specPath, "hostNetwork") }, detail, source);
  if (pod.hostPID) forbidden(ctx, { msgPath: child(ctx.specPath, "HostPID"), rel: child(ctx.specPath, "hostPID"), at: "key" }, detail, source);
  if (pod.hostIPC) forbidden(ctx, { msgPath: child(ctx.specPath, "HostIPC"), rel: child(ctx.specPath, "hostIPC"), at: "key" }, detail, source);
}

/** Catalogue fields of an OS at a level: what validateLinux / validateWindows forbid for the other OS. */
function osFields(os: "linux" | "windows", level: Level): string[] {
  return FIELDS.filter((f) => f.os === os && f.levels.includes(level)).map((f) => f.name);
}

/** Set as the API server sees it after decoding: a non-nil pointer; for sysctls a non-empty list. */
function scFieldSet(sc: YMap, field: string): boolean {
  if (field === "sysctls") return (arrayAt(sc, field)?.length ?? 0) > 0;
  return isSetAt(sc, field);
}

/** validateOS, then validateLinux or validateWindows. */
export function checkOS(ctx: Ctx, pod: PodFacts): void {
  // Dropped while IdentifyPodOS is off by default (1.23): no OS rules then.
  if (!podSettingKept(ctx, "os")) return;
  const os = get(pod.spec, "os");
  if (!isMap(os)) return;
  const osPath = child(ctx.specPath, "os");
  const rawName = get(os, "name");
  if (rawName !== undefined && rawName !== null && typeof rawName !== "string") return;
  const name = typeof rawName === "string" ? rawName : "";
  if (name === "") {
    required(ctx, { msgPath: child(osPath, "name"), rel: typeof rawName === "string" ? child(osPath, "name") : osPath }, "cannot be empty", src("validateOS"));
    return;
  }
  if (name !== "linux" && name !== "windows") {
    notSupported(ctx, { msgPath: osPath, rel: child(osPath, "name"), at: "value" }, name, ["linux", "windows"], src("validateOS"));
    return;
  }
  const other = name === "linux" ? "windows" : "linux";
  const detail = name === "linux" ? "windows options cannot be set for a linux pod" : "cannot be set for a windows pod";
  const source = src(name === "linux" ? "validateLinux" : "validateWindows");
  const podSc = mapAt(pod.spec, "securityContext");
  const scPath = child(ctx.specPath, "securityContext");
  if (podSc) {
    for (const f of osFields(other, "pod")) {
      if (kept(ctx, "pod", f) && scFieldSet(podSc, f)) forbidden(ctx, { msgPath: child(scPath, f) }, detail, source);
    }
  }
  if (name === "windows") {
    // Pod-spec fields validateWindows forbids (kept in the internal PodSecurityContext upstream).
    if (podSettingKept(ctx, "hostUsers") && isSetAt(pod.spec, "hostUsers")) forbidden(ctx, { msgPath: child(ctx.specPath, "hostUsers") }, detail, source);
    if (pod.hostPID) forbidden(ctx, { msgPath: child(ctx.specPath, "hostPID") }, detail, source);
    if (pod.hostIPC) forbidden(ctx, { msgPath: child(ctx.specPath, "hostIPC") }, detail, source);
    if (isSetAt(pod.spec, "shareProcessNamespace")) forbidden(ctx, { msgPath: child(ctx.specPath, "shareProcessNamespace") }, detail, source);
  }
  visitContainers(ctx, pod.spec, (c, path) => {
    const sc = mapAt(c, "securityContext");
    if (!sc) return;
    for (const f of osFields(other, "container")) {
      if (kept(ctx, "container", f) && scFieldSet(sc, f)) forbidden(ctx, { msgPath: `${path}.securityContext.${f}` }, detail, source);
    }
  });
}
