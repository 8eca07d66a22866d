// Text in, Analysis out: the one entry point the app, the worker and the command line share.

import { type Analysis, type AnalyzeOptions, type Container, type Diagnostic, type Effective, type EffectiveField, type PodLevel, type PodSettings, type Process, type Runtime, type Workload } from "./types";
import { LATEST, NEWEST_MINOR, minorOf, normaliseVersion } from "./versions";
import { MAX_DEPTH, parseYamlText, type ParsedText } from "./yaml/parse";
import { PartSplitter, type Part } from "./streamSplit";
import { positionAt } from "./yaml/lines";
import { get, isMap, joinPath, keySpan, nodeStart, type YMap } from "./yaml/access";
import { containersOf, objectsOf, podSpecOf, type FoundObject } from "./workloads";
import { resolveContainer } from "./resolve";
import { risksOf } from "./risk";
import { volumeOwnership } from "./volumes";
import { validateWorkload } from "./validate/index";
import { locatePath } from "./yaml/locate";
import { computeProcess, PROCESS_INPUT_FIELDS } from "./runtime/process";
import { verifyStartup } from "./runtime/startup";
import { resolveLine, type ReleaseLine } from "./runtime/releases";
import { podOsAt, windowsProcess } from "./runtime/windows";
import { resolveNode, type ResolvedNode } from "./actions/index";
import { containerActions } from "./actions/shared";
import { MEMO_LIMIT, memoSize, newMemo, valueOrIdentity, type Memo } from "./memo";
import { admitWorkload, evaluatePssBoth, parseNamespacePolicy, kubectlWarning, type NamespacePolicy } from "./pss/index";

export function analyze(text: string, options: AnalyzeOptions = {}): Analysis {
  return analyzeWith(text, options, newMemo());
}

/**
 * analyze() with the memo it shares computations through (memo.ts); `newMemo(false)` computes
 * every pod on its own, which the equivalence tests compare against. Not part of the library.
 */
export function analyzeWith(text: string, options: AnalyzeOptions, memo: Memo): Analysis {
  return analyzeParsed(parseYamlText(text), options, memo);
}

/**
 * analyze() of a text already parsed with parseYamlText (which it only reads): a caller that needs
 * the text's positions too (the page's problems list) parses it once for both.
 */
export function analyzeParsed(parsed: ParsedText, options: AnalyzeOptions, memo: Memo = newMemo()): Analysis {
  const runtime: Runtime = options.runtime === "cri-o" ? "cri-o" : "containerd";
  const kubernetes = normaliseVersion(options.kubernetes ?? "latest") ?? LATEST;
  const line = resolveLine(runtime, options.runtimeVersion);
  const runtimeVersion = line.line;
  const diagnostics: Diagnostic[] = [...parsed.diagnostics];
  const workloads: Workload[] = [];
  const ctx: Ctx = { parsed, diagnostics, options, runtime, kubernetes, namespaces: namespacePolicies(parsed), memo, line, node: resolveNode(options.node) };

  for (const doc of parsed.documents) {
    if (!doc.ok || doc.value === null || doc.value === undefined) continue;
    for (const found of objectsOf(doc.value)) analyzeFound(ctx, found, doc.index, doc.value, doc.start, workloads);
  }
  diagnostics.sort((a, b) => a.line - b.line || a.column - b.column);
  return { kubernetes, runtime, runtimeVersion, diagnostics, workloads };
}

/**
 * A streamed input's parts, analysed one at a time (cli streaming of inputs over 64 MB): a whole
 * document's text, or one item of a List (`- apiVersion: …`, its lines as written). Line numbers
 * and document indexes are those of the whole input; Namespaces seen so far apply.
 */
export interface StreamState {
  options: AnalyzeOptions;
  namespaces: Map<string, { policy: NamespacePolicy; line: number }>;
  /** Documents before this part. */
  documents: number;
  /** Shared between the parts; started again when it holds MEMO_LIMIT entries. */
  memo: Memo;
}

export function newStreamState(options: AnalyzeOptions = {}, memo = newMemo()): StreamState {
  return { options, namespaces: new Map(), documents: 0, memo };
}

/** Analyses one whole document's text (or several), starting at `firstLine` of the input. */
export function analyzeDocumentPart(state: StreamState, text: string, firstLine: number): { workloads: Workload[]; diagnostics: Diagnostic[] } {
  const parsed = parseYamlText(text, firstLine);
  const ctx = streamCtx(state, parsed);
  for (const [k, v] of namespacePolicies(parsed)) state.namespaces.set(k, v);
  const workloads: Workload[] = [];
  for (const doc of parsed.documents) {
    if (!doc.ok || doc.value === null || doc.value === undefined) continue;
    for (const found of objectsOf(doc.value)) analyzeFound(ctx, found, state.documents + doc.index, doc.value, doc.start, workloads);
  }
  state.documents += parsed.documents.length;
  return { workloads, diagnostics: ctx.diagnostics };
}

/** Analyses item `index` of the List that is document `state.documents` (its text starts with "- "). */
export function analyzeListItem(state: StreamState, text: string, firstLine: number, index: number): { workloads: Workload[]; diagnostics: Diagnostic[] } {
  return analyzeParsedItem(state, parseYamlText(text, firstLine), index);
}

function analyzeParsedItem(state: StreamState, parsed: ParsedText, index: number): { workloads: Workload[]; diagnostics: Diagnostic[] } {
  const ctx = streamCtx(state, parsed);
  ctx.streamed = true;
  const workloads: Workload[] = [];
  const doc = parsed.documents[0];
  if (doc?.ok && Array.isArray(doc.value)) {
    const path = `items[${index}]`;
    const item: unknown = doc.value[0];
    // A Namespace item's labels apply to the items after it.
    if (isMap(item)) for (const [k, v] of namespacePolicies({ ...parsed, documents: [{ ...doc, value: item }] })) state.namespaces.set(k, v);
    const found = isMap(item) ? { obj: item, path, kind: typeof get(item, "kind") === "string" ? (get(item, "kind") as string) : "" } : { notObject: item, path };
    analyzeFound(ctx, found, state.documents, doc.value, doc.start, workloads);
  }
  return { workloads, diagnostics: ctx.diagnostics };
}

// An alias (`*name`) where YAML allows one: the expansion limits count per document, so a text with
// any is read whole.
const ALIAS = /(?:^|[\s[{,])\*/;

/**
 * analyze(text) for a kubectl List (`kubectl get pods -A -o yaml`: `items:` at the left margin,
 * each item a `- ` at the left margin), read one item at a time as a streamed input is: only one
 * pod's parse tree and positions are held at a time, instead of the whole text's, which a big dump
 * spent much of its time collecting garbage for. The same Analysis to the byte, for the texts it
 * takes (analyzeInParts.test.ts); undefined for any other (then analyze reads it whole): another
 * shape, any YAML diagnostic, an alias, a labelled Namespace, a nested List.
 */
export function analyzeInParts(text: string, options: AnalyzeOptions = {}, memo = newMemo()): Analysis | undefined {
  if (ALIAS.test(text)) return undefined;
  const splitter = new PartSplitter(Number.MAX_SAFE_INTEGER);
  const parts: Part[] = [...splitter.push(text), ...splitter.end()];
  const items = parts.filter((p): p is Extract<Part, { kind: "item" }> => p.kind === "item");
  if (items.length === 0 || parts.length !== items.length + 1 || parts[parts.length - 1].kind !== "list-end") return undefined;
  // The List around the items (the text before the first and after the last): a List, saying nothing.
  let headEnd = 0;
  for (let line = 1; line < items[0].firstLine; line++) {
    const nl = text.indexOf("\n", headEnd);
    if (nl === -1) return undefined;
    headEnd = nl + 1;
  }
  if (!text.startsWith(items[0].text, headEnd)) return undefined;
  let tailStart = headEnd;
  for (const item of items) tailStart += item.text.length;
  const outer = parseYamlText(text.slice(0, headEnd) + text.slice(tailStart));
  const list = outer.documents[0]?.value;
  const kind = get(list, "kind");
  if (outer.diagnostics.length || outer.documents.length !== 1 || !isMap(list) || typeof kind !== "string" || !/List$/.test(kind) || get(list, "items") !== null) return undefined;

  const runtime: Runtime = options.runtime === "cri-o" ? "cri-o" : "containerd";
  const kubernetes = normaliseVersion(options.kubernetes ?? "latest") ?? LATEST;
  const runtimeVersion = resolveLine(runtime, options.runtimeVersion).line;
  const state = newStreamState(options, memo);
  const workloads: Workload[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const part of items) {
    // Read whole, the item sits two levels deeper (the List, its items).
    const parsed = parseYamlText(part.text, part.firstLine, MAX_DEPTH - 2);
    const doc = parsed.documents[0];
    if (parsed.diagnostics.length || parsed.documents.length !== 1 || !doc.ok || !Array.isArray(doc.value) || doc.value.length !== 1) return undefined;
    const item: unknown = doc.value[0];
    if (!isMap(item)) return undefined;
    const itemKind = get(item, "kind");
    if (typeof itemKind === "string" && /List$/.test(itemKind) && Array.isArray(get(item, "items"))) return undefined;
    // A whole read applies a Namespace's labels to the workloads before it too.
    if (namespacePolicies({ ...parsed, documents: [{ ...doc, value: item }] }).size) return undefined;
    const r = analyzeParsedItem(state, parsed, part.index);
    for (const w of r.workloads) workloads.push(w);
    for (const d of r.diagnostics) diagnostics.push(d);
  }
  diagnostics.sort((a, b) => a.line - b.line || a.column - b.column);
  return { kubernetes, runtime, runtimeVersion, diagnostics, workloads };
}

function streamCtx(state: StreamState, parsed: ParsedText): Ctx {
  const options = state.options;
  const runtime: Runtime = options.runtime === "cri-o" ? "cri-o" : "containerd";
  const kubernetes = normaliseVersion(options.kubernetes ?? "latest") ?? LATEST;
  // The memo holds the parts' values (by identity) alive: dropped now and then, so memory stays flat.
  if (memoSize(state.memo) > MEMO_LIMIT) state.memo = newMemo(state.memo.on);
  return { parsed, diagnostics: [...parsed.diagnostics], options, runtime, kubernetes, namespaces: state.namespaces, memo: state.memo, line: resolveLine(runtime, options.runtimeVersion), node: resolveNode(options.node) };
}

interface Ctx {
  parsed: ParsedText;
  diagnostics: Diagnostic[];
  options: AnalyzeOptions;
  runtime: Runtime;
  kubernetes: string;
  /** Pod Security labels of the Namespaces in the same text, by namespace name. */
  namespaces: Map<string, { policy: NamespacePolicy; line: number }>;
  /** What pods alike share (memo.ts). */
  memo: Memo;
  /** One item of a List read on its own (analyzeListItem): paths are located from the item. */
  streamed?: boolean;
  /** The runtime release line whose defaults apply. */
  line: ReleaseLine;
  node: ResolvedNode;
}

function analyzeFound(ctx: Ctx, found: FoundObject | { notObject: unknown; path: string }, document: number, root: unknown, docStart: number, workloads: Workload[]): void {
  const { parsed } = ctx;
  if ("notObject" in found) {
    // A scalar item of a List has no node of its own: its place in the list is where it is.
    const at = nodeStart(parsed.positions, found.notObject) ?? (found.path && !ctx.streamed ? locatePath(parsed.positions, root, found.path)?.span.valueStart : undefined) ?? docStart;
    report(ctx, "error", "not-an-object", `A Kubernetes object must be a YAML mapping; this ${found.path ? "item" : "document"} is ${describe(found.notObject)}.`, at, found.path || undefined);
    return;
  }
  // Last line of defence: a bug tripped by one object must not cost the analysis of the others
  // (nor throw out of the core). The fuzz tests assert that this diagnostic never appears.
  try {
    const w = analyzeObject(ctx, found, document, root);
    if (w) workloads.push(w);
  } catch (e) {
    const at = nodeStart(parsed.positions, found.obj) ?? docStart;
    report(ctx, "error", "internal-error", `This object could not be analysed (internal error: ${(e as Error)?.message ?? String(e)}); the rest of the text was.`, at, found.path || undefined);
  }
}

/** Namespaces in the text whose pod-security.kubernetes.io labels apply to the workloads in them. */
function namespacePolicies(parsed: ParsedText): Map<string, { policy: NamespacePolicy; line: number }> {
  const out = new Map<string, { policy: NamespacePolicy; line: number }>();
  for (const doc of parsed.documents) {
    if (!doc.ok) continue;
    for (const found of objectsOf(doc.value)) {
      if ("notObject" in found || found.kind !== "Namespace") continue;
      const metadata = get(found.obj, "metadata");
      const name = get(metadata, "name");
      const labels = get(metadata, "labels");
      if (typeof name !== "string" || !isMap(labels) || !Object.keys(labels).some((k) => k.startsWith("pod-security.kubernetes.io/"))) continue;
      out.set(name, { policy: parseNamespacePolicy(labels), line: positionAt(parsed.lines, nodeStart(parsed.positions, found.obj) ?? 0).line });
    }
  }
  return out;
}

function analyzeObject(ctx: Ctx, found: FoundObject, document: number, root: unknown): Workload | undefined {
  const { parsed } = ctx;
  const objStart = nodeStart(parsed.positions, found.obj) ?? 0;
  const metadata = get(found.obj, "metadata");
  const name = stringOr(get(metadata, "name"), stringOr(get(metadata, "generateName"), ""));
  const namespace = get(metadata, "namespace");

  if (!found.kind) {
    // apimachinery's decoder: "Object 'Kind' is missing in '…'" (runtime.IsMissingKind).
    report(ctx, "error", "missing-kind", "Object 'Kind' is missing: kubectl cannot tell what this object is.", objStart, found.path || undefined);
    return undefined;
  }
  const loc = podSpecOf(found);
  if (!loc) {
    const label = name ? `${found.kind} "${name}"` : found.kind;
    const message =
      found.kind === "Namespace" && ctx.namespaces.has(name)
        ? `${label}: its Pod Security labels apply to the workloads in it (${describePolicy(ctx.namespaces.get(name)!.policy)}).`
        : `${label} carries no pod spec: skipped.`;
    report(ctx, "info", found.kind === "Namespace" && ctx.namespaces.has(name) ? "pod-security-namespace" : "skipped-kind", message, kindOffset(ctx, found) ?? objStart, joinPath(found.path, "kind"));
    return undefined;
  }

  const workload: Workload = {
    kind: found.kind,
    name,
    document,
    podSpecPath: loc.path,
    line: positionAt(parsed.lines, objStart).line,
    containers: [],
    pod: { path: joinPath(loc.path, "securityContext"), fields: [] },
  };
  if (typeof namespace === "string") workload.namespace = namespace;

  if (!loc.spec) {
    const at = loc.brokenAt ? (nodeStart(parsed.positions, loc.brokenAt.value) ?? objStart) : objStart;
    report(ctx, "error", "missing-pod-spec", `${found.kind} "${name}" has no pod spec at ${loc.path}.`, at, loc.path);
    return workload;
  }

  const spec = loc.spec;
  validate(ctx, found, loc.path, spec, root);
  const podScRaw = get(spec, "securityContext");
  const podSc = isMap(podScRaw) ? podScRaw : undefined;
  workload.pod = podLevel(ctx, spec, podSc, workload.pod.path);
  workload.podSettings = podSettings(ctx, spec, loc.path);
  const volumes = volumeOwnership(spec);

  const annotations = podAnnotations(loc);
  const runsOn = podOsAt(spec, minorOf(ctx.kubernetes) ?? NEWEST_MINOR);
  workload.pod.runsOn = runsOn;
  const windows = runsOn.os === "windows";
  for (const fc of containersOf(spec, loc.path)) {
    const scRaw = get(fc.obj, "securityContext");
    const imageUser = imageUserFor(ctx.options, fc.name);
    const effective = resolveContainer({
      positions: parsed.positions,
      lines: parsed.lines,
      pod: { sc: podSc, path: workload.pod.path },
      container: { sc: isMap(scRaw) ? scRaw : undefined, path: joinPath(fc.path, "securityContext") },
      defaults: {
        imageUser,
        seccompDefault: ctx.options.seccompDefault === true,
        minor: minorOf(ctx.kubernetes) ?? NEWEST_MINOR,
      },
      annotations,
      containerName: fc.name,
      os: runsOn.os,
    });
    const c: Container = {
      name: fc.name,
      type: fc.type,
      path: fc.path,
      line: positionAt(parsed.lines, nodeStart(parsed.positions, fc.obj) ?? objStart).line,
      effective,
      // A Windows container has no Linux /proc/1/status (contract v1.1: process null); see c.windows.
      process: windows ? null : processOf(ctx, effective, imageUser, workload.pod.hostUsers),
      startup: verifyStartup({
        effective,
        imageUser,
        podName: name,
        namespace: typeof namespace === "string" ? namespace : undefined,
        containerName: fc.name,
        podUID: podUid(found, loc.podMetadata),
        runtime: ctx.runtime,
        os: runsOn.os,
      }),
    };
    if (windows) c.windows = windowsProcess(get(podSc, "windowsOptions"), get(scRaw, "windowsOptions"), imageUser);
    const span = parsed.positions.get(fc.obj);
    if (span) c.endLine = positionAt(parsed.lines, span.end).line;
    const scSpan = keySpan(parsed.positions, fc.obj, "securityContext");
    if (scSpan) c.securityContextLine = positionAt(parsed.lines, scSpan.keyStart).line;
    // The risk rules read Linux ids and capabilities; a Windows container has neither.
    c.risks = windows ? {} : risksOf(effective, c.process ?? undefined);
    const mounts = mountsOf(fc.obj);
    if (mounts.length) c.mounts = mounts;
    workload.containers.push(c);
    if (!c.startup!.ok) reportStartup(ctx, c, imageUser, fc.obj, root, found.path);
  }

  addActions(ctx, workload, loc.path, volumes);
  const pssInput = { metadata: loc.podMetadata, spec, kind: found.kind };
  workload.pss = pssOf(ctx, pssInput);
  if (volumes.length) workload.volumes = volumes;
  admit(ctx, workload, found, pssInput, objStart);
  return workload;
}

/** Both Pod Security levels' verdicts, once for all pods the checks cannot tell apart. */
function pssOf(ctx: Ctx, input: { metadata: unknown; spec: YMap; kind: string }): Workload["pss"] {
  return evaluatePssBoth(input, ctx.kubernetes, ctx.memo.on ? ctx.memo.pss : undefined);
}

/** The pod's (or template's) annotations and their path: "metadata" sits beside the "spec" of the pod spec path. */
function podAnnotations(loc: { path: string; podMetadata: unknown }): { map: YMap; path: string } | undefined {
  const map = get(loc.podMetadata, "annotations");
  if (!isMap(map) || !loc.path.endsWith("spec")) return undefined;
  return { map, path: `${loc.path.slice(0, -"spec".length)}metadata.annotations` };
}

const POD_SETTINGS = ["hostPID", "hostNetwork", "hostIPC", "shareProcessNamespace"] as const;

function podSettings(ctx: Ctx, spec: YMap, specPath: string): PodSettings {
  const out = {} as PodSettings;
  for (const name of POD_SETTINGS) {
    const span = keySpan(ctx.parsed.positions, spec, name);
    out[name] = { value: get(spec, name) === true, path: joinPath(specPath, name) };
    if (span) out[name].line = positionAt(ctx.parsed.lines, span.keyStart).line;
  }
  return out;
}

function mountsOf(container: unknown): { name: string; mountPath: string; readOnly: boolean }[] {
  const list = get(container, "volumeMounts");
  if (!Array.isArray(list)) return [];
  const out: { name: string; mountPath: string; readOnly: boolean }[] = [];
  for (const m of list) {
    if (!isMap(m)) continue;
    const name = get(m, "name");
    const mountPath = get(m, "mountPath");
    out.push({ name: typeof name === "string" ? name : "", mountPath: typeof mountPath === "string" ? mountPath : "", readOnly: get(m, "readOnly") === true });
  }
  return out;
}

/** What each Linux container's first process can do (core/actions); none for Windows containers. */
function addActions(ctx: Ctx, w: Workload, specPath: string, volumes: ReturnType<typeof volumeOwnership>): void {
  if (w.pod.os === "windows") return;
  const settings = w.podSettings!;
  const uidCount = new Map<unknown, number>();
  for (const c of w.containers) if (c.process) uidCount.set(c.process.uid, (uidCount.get(c.process.uid) ?? 0) + 1);
  const pod = { hostPID: settings.hostPID.value, hostNetwork: settings.hostNetwork.value, hostIPC: settings.hostIPC.value, shareProcessNamespace: settings.shareProcessNamespace.value, hostUsers: w.pod.hostUsers };
  for (const c of w.containers) {
    if (!c.process) continue;
    c.actions = containerActions(ctx.memo, {
      effective: c.effective,
      process: c.process,
      line: ctx.line,
      pod,
      podSettings: settings,
      volumes,
      mounts: c.mounts ?? [],
      node: ctx.node,
      seccompDefault: ctx.options.seccompDefault === true,
      containerPath: c.path.startsWith(`${specPath}.`) ? c.path.slice(specPath.length + 1) : c.path,
      containerLine: c.securityContextLine ?? c.line,
      podSecurityContextPath: w.pod.path,
      podSecurityContextLine: w.pod.line,
      sameUidOthers: (uidCount.get(c.process.uid) ?? 1) - 1,
    });
  }
}

function podLevel(ctx: Ctx, spec: YMap, podSc: YMap | undefined, path: string): PodLevel {
  const { parsed } = ctx;
  const pod: PodLevel = { path, fields: [] };
  const scSpan = keySpan(parsed.positions, spec, "securityContext");
  if (scSpan) {
    pod.line = positionAt(parsed.lines, scSpan.keyStart).line;
    pod.endLine = positionAt(parsed.lines, scSpan.valueEnd).line;
  }
  if (podSc) {
    for (const key of Object.keys(podSc)) {
      const span = keySpan(parsed.positions, podSc, key);
      pod.fields.push({ name: key, value: podSc[key], path: joinPath(path, key), line: span ? positionAt(parsed.lines, span.keyStart).line : pod.line ?? 0 });
    }
  }
  const hostUsers = get(spec, "hostUsers");
  if (typeof hostUsers === "boolean") pod.hostUsers = hostUsers;
  const os = get(get(spec, "os"), "name");
  if (typeof os === "string") pod.os = os;
  return pod;
}

/** What the API server and kubectl's strict field validation would reject or warn about. */
function validate(ctx: Ctx, found: FoundObject, specPath: string, spec: YMap, root: unknown): void {
  const findings = validateWorkload({ kind: found.kind, object: found.obj, objectPath: found.path, spec, specPath, minor: minorOf(ctx.kubernetes) ?? NEWEST_MINOR });
  for (const f of findings) {
    const loc = locateIn(ctx, root, found.path, f.path, found.obj);
    const offset = loc ? (f.at === "value" && loc.exact ? loc.span.valueStart : loc.span.keyStart) : (nodeStart(ctx.parsed.positions, found.obj) ?? 0);
    const p = positionAt(ctx.parsed.lines, offset);
    const d: Diagnostic = { severity: f.severity, code: f.code, message: f.message, path: f.path, line: p.line, column: p.column, source: f.source };
    if (loc?.exact) {
      const end = positionAt(ctx.parsed.lines, f.at === "value" ? loc.span.valueEnd : Math.min(loc.span.valueStart, lineEndOffset(ctx, loc.span.keyStart)));
      if (end.line > p.line || end.column > p.column) {
        d.endLine = end.line;
        d.endColumn = end.column;
      }
    }
    ctx.diagnostics.push(d);
  }
}

/**
 * A contract path's node. A List item read on its own (ctx.streamed) has only itself for a root:
 * paths inside it are followed from the item (`obj`, or the item root's first entry).
 */
function locateIn(ctx: Ctx, root: unknown, objectPath: string, path: string, obj?: unknown) {
  if (ctx.streamed && objectPath && path.startsWith(`${objectPath}.`)) {
    const item = obj ?? (Array.isArray(root) ? root[0] : undefined);
    return locatePath(ctx.parsed.positions, item, path.slice(objectPath.length + 1));
  }
  return locatePath(ctx.parsed.positions, root, path);
}

/** Where the line holding `offset` ends: at its CR or LF (a CRLF line's end is its CR, not past it). */
function lineEndOffset(ctx: Ctx, offset: number): number {
  LINE_END.lastIndex = offset;
  return LINE_END.exec(ctx.parsed.text) ? LINE_END.lastIndex - 1 : ctx.parsed.text.length;
}
const LINE_END = /[\r\n]/g;

/** What Pod Security Admission says when the workload is applied to a labelled namespace in the text. */
function admit(ctx: Ctx, w: Workload, found: FoundObject, input: { metadata: unknown; spec: YMap; kind: string }, objStart: number): void {
  const ns = ctx.namespaces.get(w.namespace ?? "default");
  if (!ns) return;
  const outcome = admitWorkload({ kind: found.kind, name: w.name, input, policy: ns.policy, kubernetes: ctx.kubernetes });
  const at = kindOffset(ctx, found) ?? objStart;
  w.admission = { namespace: w.namespace ?? "default", allowed: outcome.allowed, error: outcome.error, warnings: outcome.warnings };
  if (outcome.error) report(ctx, "error", "pod-security-forbidden", `Error from server (Forbidden): ${outcome.error}`, at, joinPath(found.path, "kind"));
  for (const warning of outcome.warnings) report(ctx, "warning", "pod-security-warning", kubectlWarning(warning), at, joinPath(found.path, "kind"));
}

/** The kubelet's (or the runtime's) refusal to start a container, said where it can be fixed. */
function reportStartup(ctx: Ctx, c: Container, imageUser: number | string, obj: YMap, root: unknown, objectPath: string): void {
  const s = c.startup!;
  const named = s.path ? locateIn(ctx, root, objectPath, s.path) : undefined;
  if (s.reason === "CreateContainerError") {
    const at = named?.exact ? named.span.valueStart : (nodeStart(ctx.parsed.positions, obj) ?? 0);
    report(ctx, "error", "create-container-error", `Container "${c.name}" will not start: ${s.reason}: ${s.message}.`, at, s.path ?? c.path);
    return;
  }
  // runAsNonRoot: the setting that names root (runAsUser, or a Windows runAsUserName), else the image's user.
  const user = c.windows ? undefined : c.effective.runAsUser;
  const explicit = named?.exact === true || (user !== undefined && user.source !== "image");
  const at = (named?.exact ? named.span.keyStart : undefined) ?? (user && explicit && user.line ? lineOffset(ctx, user.line) : undefined) ?? nodeStart(ctx.parsed.positions, obj) ?? 0;
  const assumption = explicit ? "" : ` (the image's user is taken to be ${JSON.stringify(imageUser)}; set it per container if the image says otherwise)`;
  report(ctx, explicit ? "error" : "warning", "run-as-non-root-conflict", `Container "${c.name}" will not start: ${s.reason}: ${s.message}${assumption}.`, at, c.path);
}

function lineOffset(ctx: Ctx, line: number): number | undefined {
  const starts = ctx.parsed.lines.starts;
  const index = line - (ctx.parsed.lines.firstLine ?? 1);
  if (index < 0 || index >= starts.length) return undefined;
  // First non-blank character of the line, so the marker sits on the key.
  const start = starts[index];
  const m = /^[ \t-]*/.exec(ctx.parsed.text.slice(start, start + 200));
  return start + (m ? m[0].length : 0);
}

/**
 * The container's process, computed once per distinct input. Containers of one pod share its
 * pod-level values (the same parsed list, not a copy): without this, 3,000 containers under a pod
 * with 100,000 supplementalGroups built 3,000 sorted copies of that list (minutes, gigabytes) from a
 * 600 kB text. Set values are keyed by identity, defaults by value; equal inputs give an equal
 * Process, so containers may share one object (nothing mutates it).
 */
function processOf(ctx: Ctx, effective: Record<EffectiveField, Effective>, imageUser: number | string, hostUsers: boolean | undefined): Process {
  const compute = () => computeProcess({ runtime: ctx.runtime, effective, imageUser, seccompDefault: ctx.options.seccompDefault === true, hostUsers });
  const memo = ctx.memo;
  if (!memo.on) return compute();
  let key = `${valueOrIdentity(memo, imageUser, true)}|${String(hostUsers)}`;
  // Small values by value (replicas of one spec share a process), big ones by identity (a pod-level
  // list of 100,000 groups must not be serialised once per container).
  for (const f of PROCESS_INPUT_FIELDS) key += `|${effective[f].source}:${valueOrIdentity(memo, effective[f].value, effective[f].source === "default" || effective[f].source === "image")}`;
  let p = memo.processes.get(key);
  if (!p) memo.processes.set(key, (p = compute()));
  return p;
}

/** metadata.uid of a Pod (as `kubectl get -o yaml` prints it); templates have none. */
function podUid(found: FoundObject, podMetadata: unknown): string | undefined {
  const uid = found.kind === "Pod" ? get(podMetadata, "uid") : undefined;
  return typeof uid === "string" ? uid : undefined;
}

function imageUserFor(options: AnalyzeOptions, container: string): number | string {
  // Own keys only: a container named `constructor` must not get Object's constructor as its user.
  const users = options.imageUsers;
  const u = users && Object.hasOwn(users, container) ? users[container] : undefined;
  return typeof u === "number" || typeof u === "string" ? u : 0;
}

function kindOffset(ctx: Ctx, found: FoundObject): number | undefined {
  return keySpan(ctx.parsed.positions, found.obj, "kind")?.keyStart;
}

function report(ctx: Ctx, severity: Diagnostic["severity"], code: string, message: string, offset: number, path?: string): void {
  const p = positionAt(ctx.parsed.lines, offset);
  const d: Diagnostic = { severity, code, message, line: p.line, column: p.column };
  if (path) d.path = path;
  ctx.diagnostics.push(d);
}

function describePolicy(p: NamespacePolicy): string {
  return (["enforce", "warn", "audit"] as const).map((m) => `${m} ${p[m].level}:${p[m].version}`).join(", ");
}

function stringOr(v: unknown, fallback: string): string {
  return typeof v === "string" ? v : fallback;
}

function describe(v: unknown): string {
  if (Array.isArray(v)) return "a list";
  if (v === null) return "empty";
  return `a ${typeof v} (${JSON.stringify(v)?.slice(0, 40)})`;
}
