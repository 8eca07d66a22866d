// Checks an Analysis against the contract (../shared/analysis-contract.md) and checks that every
// position it gives lies inside the text. Used by the fuzz tests and scripts/fuzz.ts: each returns
// a list of problems, empty when all is well, so a failure says what is wrong and where.

import { EFFECTIVE_FIELDS } from "../types";

const SEVERITIES = new Set(["error", "warning", "info"]);
const CONTAINER_TYPES = new Set(["init", "sidecar", "regular", "ephemeral"]);
const SOURCES = new Set(["container", "pod", "default", "image"]);
const CAP_SETS = ["bounding", "effective", "permitted", "inheritable", "ambient"] as const;
const CAP_HEX = ["CapInh", "CapPrm", "CapEff", "CapBnd", "CapAmb"] as const;

type Rec = Record<string, unknown>;
const isRec = (v: unknown): v is Rec => v !== null && typeof v === "object" && !Array.isArray(v);
const isInt = (v: unknown): v is number => typeof v === "number" && Number.isInteger(v);
const isStrArray = (v: unknown): v is string[] => Array.isArray(v) && v.every((x) => typeof x === "string");

/** Problems with the shape of `a`, as paths and what is wrong there. */
export function shapeProblems(a: unknown): string[] {
  const out: string[] = [];
  const bad = (path: string, what: string) => out.push(`${path}: ${what}`);
  if (!isRec(a)) return ["analysis: not an object"];
  checkedProcesses = new WeakSet();
  if (typeof a.kubernetes !== "string" || !/^1\.\d+$/.test(a.kubernetes)) bad("kubernetes", `not a version: ${String(a.kubernetes)}`);
  if (a.runtime !== "containerd" && a.runtime !== "cri-o") bad("runtime", String(a.runtime));
  if (!Array.isArray(a.diagnostics)) bad("diagnostics", "not an array");
  else a.diagnostics.forEach((d, i) => diagnostic(d, `diagnostics[${i}]`, bad));
  if (!Array.isArray(a.workloads)) bad("workloads", "not an array");
  else a.workloads.forEach((w, i) => workload(w, `workloads[${i}]`, bad));
  const notJson = nonJsonValue(a);
  if (notJson) bad("analysis", `not JSON: ${notJson}`);
  return out;
}

/**
 * The first value JSON cannot carry (a function, a symbol, a bigint, a cycle), or undefined. Each
 * object is visited once, however many times it is referenced: the analysis shares values between
 * containers, and JSON.stringify would print a shared list once per reference.
 */
function nonJsonValue(root: unknown): string | undefined {
  const done = new Set<object>();
  const onPath = new Set<object>();
  const visit = (v: unknown, path: string): string | undefined => {
    if (typeof v === "function" || typeof v === "symbol" || typeof v === "bigint") return `${typeof v} at ${path}`;
    if (v === null || typeof v !== "object" || done.has(v)) return undefined;
    if (onPath.has(v)) return `a cycle at ${path}`;
    onPath.add(v);
    const entries: [string, unknown][] = Array.isArray(v) ? v.map((x, i) => [`[${i}]`, x]) : Object.entries(v).map(([k, x]) => [`.${k}`, x]);
    for (const [k, x] of entries) {
      const found = visit(x, path + k);
      if (found) return found;
    }
    onPath.delete(v);
    done.add(v);
    return undefined;
  };
  return visit(root, "analysis");
}

type Bad = (path: string, what: string) => void;

/** Processes already checked: containers may share one (see analyze.ts processOf). */
let checkedProcesses = new WeakSet<object>();

function diagnostic(d: unknown, p: string, bad: Bad): void {
  if (!isRec(d)) return bad(p, "not an object");
  if (!SEVERITIES.has(d.severity as string)) bad(`${p}.severity`, String(d.severity));
  if (typeof d.code !== "string" || !/^[a-z0-9]+(-[a-z0-9]+)*$/.test(d.code)) bad(`${p}.code`, `not kebab-case: ${String(d.code)}`);
  if (typeof d.message !== "string" || d.message.length === 0) bad(`${p}.message`, "empty or not a string");
  if (d.path !== undefined && typeof d.path !== "string") bad(`${p}.path`, "not a string");
  if (!isInt(d.line) || d.line < 1) bad(`${p}.line`, String(d.line));
  if (!isInt(d.column) || d.column < 1) bad(`${p}.column`, String(d.column));
}

function workload(w: unknown, p: string, bad: Bad): void {
  if (!isRec(w)) return bad(p, "not an object");
  for (const k of ["kind", "name", "podSpecPath"]) if (typeof w[k] !== "string") bad(`${p}.${k}`, "not a string");
  if (w.namespace !== undefined && typeof w.namespace !== "string") bad(`${p}.namespace`, "not a string");
  if (!isInt(w.document) || w.document < 0) bad(`${p}.document`, String(w.document));
  if (!isInt(w.line) || w.line < 1) bad(`${p}.line`, String(w.line));
  if (!Array.isArray(w.containers)) bad(`${p}.containers`, "not an array");
  else w.containers.forEach((c, i) => container(c, `${p}.containers[${i}]`, bad));
  if (w.pss !== undefined) {
    if (!isRec(w.pss)) bad(`${p}.pss`, "not an object");
    else for (const level of ["baseline", "restricted"]) pssLevel(w.pss[level], `${p}.pss.${level}`, bad);
  }
}

function pssLevel(l: unknown, p: string, bad: Bad): void {
  if (!isRec(l)) return bad(p, "not an object");
  if (typeof l.allowed !== "boolean") bad(`${p}.allowed`, "not a boolean");
  if (!Array.isArray(l.violations)) return bad(`${p}.violations`, "not an array");
  l.violations.forEach((v, i) => {
    if (!isRec(v) || typeof v.check !== "string" || typeof v.reason !== "string" || typeof v.detail !== "string") bad(`${p}.violations[${i}]`, "not {check, reason, detail} strings");
  });
  if (l.allowed === true && l.violations.length > 0) bad(p, "allowed with violations");
}

function container(c: unknown, p: string, bad: Bad): void {
  if (!isRec(c)) return bad(p, "not an object");
  if (typeof c.name !== "string") bad(`${p}.name`, "not a string");
  if (!CONTAINER_TYPES.has(c.type as string)) bad(`${p}.type`, String(c.type));
  if (typeof c.path !== "string") bad(`${p}.path`, "not a string");
  if (!isInt(c.line) || c.line < 1) bad(`${p}.line`, String(c.line));
  if (!isRec(c.effective)) bad(`${p}.effective`, "not an object");
  else {
    for (const f of EFFECTIVE_FIELDS) {
      const e = c.effective[f];
      const ep = `${p}.effective.${f}`;
      if (!isRec(e)) {
        bad(ep, "missing");
        continue;
      }
      if (!("value" in e)) bad(`${ep}.value`, "missing");
      if (!SOURCES.has(e.source as string)) bad(`${ep}.source`, String(e.source));
      if (e.path !== undefined && typeof e.path !== "string") bad(`${ep}.path`, "not a string");
      if (e.line !== undefined && !isInt(e.line)) bad(`${ep}.line`, String(e.line));
      if (e.overrides !== undefined && (!isRec(e.overrides) || typeof e.overrides.path !== "string" || !isInt(e.overrides.line))) bad(`${ep}.overrides`, "not {value, path, line}");
    }
  }
  // Contract v1.1: a Windows container has process null and carries `windows` instead.
  if (c.process === null) {
    if (!isRec(c.windows)) bad(`${p}.process`, "null without windows");
  } else process(c.process, `${p}.process`, bad);
  const s = c.startup;
  if (!isRec(s) || typeof s.ok !== "boolean") bad(`${p}.startup`, "not {ok}");
  else if (s.ok === false && (typeof s.reason !== "string" || typeof s.message !== "string")) bad(`${p}.startup`, "failed without reason and message");
}

function process(pr: unknown, p: string, bad: Bad): void {
  if (!isRec(pr)) return bad(p, "not an object");
  if (checkedProcesses.has(pr)) return;
  checkedProcesses.add(pr);
  if (typeof pr.uid !== "string" && !isInt(pr.uid)) bad(`${p}.uid`, String(pr.uid));
  if (!isInt(pr.gid)) bad(`${p}.gid`, String(pr.gid));
  if (!Array.isArray(pr.groups) || !pr.groups.every(isInt)) bad(`${p}.groups`, "not integers");
  if (!isRec(pr.capabilities)) bad(`${p}.capabilities`, "not an object");
  else for (const k of CAP_SETS) if (!isStrArray(pr.capabilities[k]) || !pr.capabilities[k].every((n) => /^CAP_[A-Z_]+$/.test(n))) bad(`${p}.capabilities.${k}`, "not CAP_ names");
  if (!isRec(pr.capHex)) bad(`${p}.capHex`, "not an object");
  else for (const k of CAP_HEX) if (typeof pr.capHex[k] !== "string" || !/^[0-9a-f]{16}$/.test(pr.capHex[k])) bad(`${p}.capHex.${k}`, String(pr.capHex[k]));
  if (typeof pr.noNewPrivs !== "boolean") bad(`${p}.noNewPrivs`, "not a boolean");
  if (pr.seccomp !== "disabled" && pr.seccomp !== "filter") bad(`${p}.seccomp`, String(pr.seccomp));
  if (typeof pr.rootFilesystemReadOnly !== "boolean") bad(`${p}.rootFilesystemReadOnly`, "not a boolean");
  if (!isStrArray(pr.maskedPaths)) bad(`${p}.maskedPaths`, "not strings");
  if (!isStrArray(pr.readonlyPaths)) bad(`${p}.readonlyPaths`, "not strings");
}

/** Lines as an editor shows them: CRLF, CR and LF each end a line. */
export function textLines(text: string): string[] {
  return text.split(/\r\n|\r|\n/);
}

/**
 * Positions that fall outside the text: every diagnostic's line in [1, lineCount] and column in
 * [1, lineLength + 1] (as its end, when given); every workload, container and effective line in
 * [1, lineCount]. Also: no diagnostic says the core hit an internal error.
 */
export function positionProblems(a: { diagnostics: unknown[]; workloads: unknown[] }, text: string): string[] {
  const lines = textLines(text);
  const out: string[] = [];
  const inLine = (l: unknown) => isInt(l) && l >= 1 && l <= lines.length;
  const at = (p: string, line: unknown, column: unknown) => {
    if (!inLine(line)) out.push(`${p}: line ${String(line)} outside 1…${lines.length}`);
    else if (!isInt(column) || column < 1 || column > lines[(line as number) - 1].length + 1) out.push(`${p}: column ${String(column)} outside 1…${lines[(line as number) - 1].length + 1} on line ${String(line)}`);
  };
  a.diagnostics.forEach((d, i) => {
    if (!isRec(d)) return;
    at(`diagnostics[${i}] (${String(d.code)})`, d.line, d.column);
    if (d.endLine !== undefined || d.endColumn !== undefined) at(`diagnostics[${i}] end (${String(d.code)})`, d.endLine, d.endColumn);
    if (d.code === "internal-error") out.push(`diagnostics[${i}]: internal error: ${String(d.message)}`);
  });
  a.workloads.forEach((w, i) => {
    if (!isRec(w)) return;
    if (!inLine(w.line)) out.push(`workloads[${i}].line ${String(w.line)} outside 1…${lines.length}`);
    if (!Array.isArray(w.containers)) return;
    w.containers.forEach((c, j) => {
      if (!isRec(c)) return;
      const p = `workloads[${i}].containers[${j}]`;
      if (!inLine(c.line)) out.push(`${p}.line ${String(c.line)} outside 1…${lines.length}`);
      if (!isRec(c.effective)) return;
      for (const [f, e] of Object.entries(c.effective)) {
        if (isRec(e) && e.line !== undefined && !inLine(e.line)) out.push(`${p}.effective.${f}.line ${String(e.line)} outside 1…${lines.length}`);
      }
    });
  });
  return out;
}
