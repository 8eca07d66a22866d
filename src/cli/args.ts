// Command-line arguments of the Analysis contract (../shared/analysis-contract.md).

import type { NodeAssumptions, Runtime } from "../core/types";
import { normaliseVersion, SUPPORTED_VERSIONS } from "../core/versions";
import { escapeControls } from "../core/report/terminal";
import { parseRuntimeSpec, RELEASE_LINES } from "../core/runtime/releases";

export type FailOn = "error" | "baseline" | "restricted";

export interface CliOptions {
  command: "analyze" | "help";
  input?: string;
  json: boolean;
  /** --json=summary: one line per workload instead of the whole Analysis (format is "json"). */
  jsonSummary: boolean;
  /** Output format: the readable report, JSON, SARIF 2.1.0, or Markdown. */
  format: "text" | "json" | "sarif" | "markdown";
  runtime: Runtime;
  /** The runtime's release line (--runtime containerd@2.1); unset means the newest. */
  runtimeVersion?: string;
  kubernetes: string;
  imageUsers: Record<string, number | string>;
  failOn?: FailOn;
  seccompDefault: boolean;
  /** Live objects through the user's kubectl (cli/kubectl.ts): -n, -A, --context. */
  namespace?: string;
  allNamespaces: boolean;
  context?: string;
  /** Node assumptions for the actions: --ptrace-scope, --no-unprivileged-userns. */
  node: NodeAssumptions;
  /** --probe: print the node probe script(s) instead of the analysis. */
  probe: boolean;
  /** --observed <file>: compare a probe's output with the prediction. */
  observed?: string;
}

export class UsageError extends Error {}

/** An argument echoed in a message: control characters shown escaped, never sent to the terminal. */
const showArg = (s: string): string => escapeControls(s);

/** The largest input read (file or standard input): beyond it the analysis would need gigabytes. */
export const MAX_INPUT_BYTES = 64 * 1024 * 1024;

export const USAGE = `Usage: secctx analyze <file|-|TYPE/NAME|TYPE> [-n NS|-A] [--context NAME] [--json[=summary]|--sarif|--markdown]
         [--runtime containerd|cri-o[@<line>]] [--kubernetes 1.23…${SUPPORTED_VERSIONS[SUPPORTED_VERSIONS.length - 1]}|latest] [--image-user <container>=<uid|name>]...
         [--seccomp-default] [--fail-on error|baseline|restricted] [--ptrace-scope 0-3]
         [--no-unprivileged-userns] [--probe | --observed <file>]

Analyses the Kubernetes manifests in <file> (or standard input with -) and prints, for every
container, the security settings the kubelet and the runtime apply and where each came from.
A live object (pod/NAME, deploy/NAME, sts/NAME, …, a type alone, or -A for every pod) is read
with your own kubectl (kubectl get … -o yaml); an existing file of that name is read as a file.

  --json              print the Analysis object as JSON (the contract)
  --json=summary      print a short JSON summary per workload
  --sarif             print SARIF 2.1.0 for code-scanning dashboards
  --markdown          print a Markdown report (effective settings, process view, Pod Security)
  --runtime           the runtime whose defaults apply (default: containerd), optionally with a
                      release line: ${lineList("containerd")}, ${lineList("cri-o")}
                      (e.g. containerd@2.1; a plain name means the newest line)
  --kubernetes        the Kubernetes version whose rules apply (default: latest)
  --image-user        the user the image's USER line gives a container (default: 0, root)
  --seccomp-default   the kubelet runs with --seccomp-default (unset seccomp means RuntimeDefault)
  --ptrace-scope      the node's kernel.yama.ptrace_scope for the ptrace action (default 1)
  --no-unprivileged-userns  the node refuses user namespaces to unprivileged processes
  --probe             print, per container, a POSIX sh probe to run with kubectl exec
  --observed <file>   compare a probe's output (key=value lines) with the prediction
  --fail-on           exit 1 when an error is found, or a workload is not allowed at that level
  -n, --namespace     the namespace of a live object (kubectl's default otherwise)
  -A, --all-namespaces  every namespace (alone: every pod of the cluster)
  --context           the kubeconfig context kubectl uses for a live object

Options take their value as --option value or --option=value; one output format at most.

Exit status: 0 analysed, 1 --fail-on level reached, 2 bad usage or unreadable input (a missing
file, a directory, a document over 64 MB, an analysis too large to print, kubectl missing or failing).`;

function lineList(runtime: Runtime): string {
  const lines = RELEASE_LINES.filter((l) => l.runtime === runtime).map((l) => l.line);
  return `${runtime}@${lines[0]}…${lines[lines.length - 1]}`;
}

/** The options that pick the output format, and the format each picks. */
const FORMAT_FLAGS: Record<string, CliOptions["format"]> = { "--json": "json", "--sarif": "sarif", "--markdown": "markdown" };

/** Options that take no value (`--seccomp-default=yes` is refused rather than read as set). */
const SWITCHES = new Set(["--sarif", "--markdown", "--seccomp-default", "--help", "--all-namespaces", "--no-unprivileged-userns", "--probe"]);

/**
 * The bounds of a user id, as the API validates runAsUser: k8s.io/apimachinery
 * pkg/util/validation/validation.go IsValidUserID (minUserID = 0, maxUserID = math.MaxInt32),
 * called from pkg/apis/core/validation ValidateSecurityContext / validatePodSpecSecurityContext.
 */
export const MAX_USER_ID = 2147483647;
/** apimachinery InclusiveRangeError(minUserID, maxUserID), byte for byte. */
const USER_ID_RANGE = `must be between 0 and ${MAX_USER_ID}, inclusive`;

export function parseArgs(argv: string[]): CliOptions {
  const o: CliOptions = {
    command: "help",
    json: false,
    jsonSummary: false,
    format: "text",
    runtime: "containerd",
    kubernetes: "latest",
    // No prototype: a container named __proto__ or constructor is a key like any other.
    imageUsers: Object.create(null) as Record<string, number | string>,
    seccompDefault: false,
    allNamespaces: false,
    node: {},
    probe: false,
  };
  const rest: string[] = [];
  /** The option that chose the output format, to name both sides of a conflict. */
  let formatFrom: string | undefined;
  /** Single-valued options already given, with the text given: a second, different one is refused. */
  const given = new Map<string, string>();
  let onlyOperands = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    // After "--" everything is a command or a file, so a file named "-x" can be analysed.
    if (onlyOperands || a === "-" || !a.startsWith("-")) {
      rest.push(a);
      continue;
    }
    if (a === "--") {
      onlyOperands = true;
      continue;
    }
    if (!a.startsWith("--")) {
      if (a === "-h") return { ...o, command: "help" };
      // kubectl's own short options for live objects (cli/kubectl.ts).
      if (a === "-A") {
        o.allNamespaces = true;
        continue;
      }
      if (a === "-n" || a.startsWith("-n=")) {
        const v = a === "-n" ? argv[++i] : a.slice(3);
        if (v === undefined || v === "" || (a === "-n" && v.startsWith("-"))) throw new UsageError("-n needs a namespace");
        if (o.namespace !== undefined && o.namespace !== v) throw new UsageError(`-n given twice ("${showArg(o.namespace)}" and "${showArg(v)}"): give it once`);
        o.namespace = v;
        continue;
      }
      throw new UsageError(`unknown option ${showArg(a)}${a.length > 2 ? ` (options start with --, as in -${showArg(a)})` : ""}`);
    }
    const eq = a.indexOf("=");
    const flag = eq < 0 ? a : a.slice(0, eq);
    const inline = eq < 0 ? undefined : a.slice(eq + 1);
    if (inline !== undefined && SWITCHES.has(flag)) throw new UsageError(`${flag} takes no value, not "${showArg(inline)}"`);
    const value = (): string => {
      const v = inline ?? argv[++i];
      // "--runtime --json" would otherwise take "--json" as the runtime.
      if (v === undefined || (inline === undefined && v.startsWith("--"))) throw new UsageError(`${flag} needs a value`);
      return v;
    };
    const once = (v: string): string => {
      const before = given.get(flag);
      if (before !== undefined && before !== v) throw new UsageError(`${flag} given twice ("${showArg(before)}" and "${showArg(v)}"): give it once`);
      given.set(flag, v);
      return v;
    };
    const setFormat = (format: CliOptions["format"], summary: boolean, from: string) => {
      if (formatFrom !== undefined && (format !== o.format || summary !== o.jsonSummary))
        throw new UsageError(`${formatFrom} and ${from} ask for different outputs: choose one of --json, --sarif, --markdown`);
      formatFrom = from;
      o.format = format;
      o.json = format === "json";
      o.jsonSummary = summary;
    };
    switch (flag) {
      case "--json":
        // Exactly --json (the whole Analysis) or --json=summary (one line per workload).
        if (inline !== undefined && inline !== "summary") throw new UsageError(`--json takes no value or =summary, not "${showArg(inline)}"`);
        setFormat("json", inline === "summary", a);
        break;
      case "--sarif":
      case "--markdown":
        setFormat(FORMAT_FLAGS[flag], false, flag);
        break;
      case "--format": {
        const v = value();
        if (v !== "text" && v !== "json" && v !== "sarif" && v !== "markdown") throw new UsageError(`--format must be text, json, sarif or markdown, not "${showArg(v)}"`);
        setFormat(v, false, `--format ${v}`);
        break;
      }
      case "--seccomp-default":
        o.seccompDefault = true;
        break;
      case "--ptrace-scope": {
        const v = once(value());
        if (!/^[0-3]$/.test(v)) throw new UsageError(`--ptrace-scope must be 0, 1, 2 or 3 (kernel.yama.ptrace_scope), not "${showArg(v)}"`);
        o.node.ptraceScope = Number(v) as 0 | 1 | 2 | 3;
        break;
      }
      case "--no-unprivileged-userns":
        o.node.unprivilegedUserns = false;
        break;
      case "--probe":
        o.probe = true;
        break;
      case "--observed":
        o.observed = once(value());
        break;
      case "--runtime": {
        const v = once(value());
        const spec = parseRuntimeSpec(v);
        if ("error" in spec) throw new UsageError(`--runtime${spec.kind === "line" ? ":" : ""} ${showArg(spec.error)}`);
        o.runtime = spec.runtime;
        if (v.includes("@")) o.runtimeVersion = spec.version;
        break;
      }
      case "--kubernetes": {
        const v = once(value());
        const n = normaliseVersion(v);
        if (!n) throw new UsageError(`--kubernetes must be latest or a version from ${SUPPORTED_VERSIONS[0]} to ${SUPPORTED_VERSIONS[SUPPORTED_VERSIONS.length - 1]}, not "${showArg(v)}"`);
        o.kubernetes = n;
        break;
      }
      case "--image-user": {
        const v = value();
        const [name, user] = parseImageUser(v);
        if (Object.hasOwn(o.imageUsers, name) && o.imageUsers[name] !== user)
          throw new UsageError(`--image-user names container "${showArg(name)}" twice: give it once`);
        o.imageUsers[name] = user;
        break;
      }
      case "--fail-on": {
        const v = once(value());
        if (v !== "error" && v !== "baseline" && v !== "restricted") throw new UsageError(`--fail-on must be error, baseline or restricted, not "${showArg(v)}"`);
        o.failOn = v;
        break;
      }
      case "--namespace": {
        const v = once(value());
        if (o.namespace !== undefined && o.namespace !== v) throw new UsageError(`-n given twice ("${showArg(o.namespace)}" and "${showArg(v)}"): give it once`);
        o.namespace = v;
        break;
      }
      case "--all-namespaces":
        o.allNamespaces = true;
        break;
      case "--context":
        o.context = once(value());
        break;
      case "--help":
        return { ...o, command: "help" };
      default:
        throw new UsageError(`unknown option ${showArg(flag)}`);
    }
  }
  if (rest.length === 0) return o;
  if (rest[0] !== "analyze") throw new UsageError(`unknown command "${showArg(rest[0])}"`);
  // `analyze -A` alone: every pod of the cluster.
  if (rest.length === 1 && o.allNamespaces) return { ...o, command: "analyze" };
  if (rest.length < 2) throw new UsageError("analyze needs a file, - for standard input, or a live object (pod/NAME, deploy/NAME, -A)");
  if (rest.length > 2) throw new UsageError(`analyze takes one file, got ${rest.length - 1}: ${rest.slice(1).map((f) => `"${showArg(f)}"`).join(", ")}`);
  return { ...o, command: "analyze", input: rest[1] };
}

/**
 * `<container>=<uid|name>`: a number is a uid and must be one the API would accept for runAsUser;
 * anything else is a user name the image's /etc/passwd would resolve.
 */
function parseImageUser(v: string): [string, number | string] {
  const eq = v.indexOf("=");
  if (eq <= 0 || eq === v.length - 1) throw new UsageError(`--image-user takes <container>=<uid|name>, not "${showArg(v)}"`);
  const name = v.slice(0, eq);
  const user = v.slice(eq + 1);
  // Signed and decimal forms are numbers a user meant, never a user name.
  if (/^[+-]?\d+(\.\d*)?([eE][+-]?\d+)?$/.test(user)) {
    if (!/^\d+$/.test(user) || user.length > 10 || Number(user) > MAX_USER_ID)
      throw new UsageError(`--image-user ${showArg(name)}=${showArg(user)}: a user id ${USER_ID_RANGE} (as the API checks runAsUser)`);
    return [name, Number(user)];
  }
  return [name, user];
}
