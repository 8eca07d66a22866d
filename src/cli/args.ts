// Command-line arguments of the Analysis contract (../shared/analysis-contract.md).

import type { Runtime } from "../core/types";
import { normaliseVersion, SUPPORTED_VERSIONS } from "../core/versions";

export type FailOn = "error" | "baseline" | "restricted";

export interface CliOptions {
  command: "analyze" | "help";
  input?: string;
  json: boolean;
  /** Output format: the readable report, JSON, SARIF 2.1.0, or Markdown. */
  format: "text" | "json" | "sarif" | "markdown";
  runtime: Runtime;
  kubernetes: string;
  imageUsers: Record<string, number | string>;
  failOn?: FailOn;
  seccompDefault: boolean;
}

export class UsageError extends Error {}

/** The largest input read (file or standard input): beyond it the analysis would need gigabytes. */
export const MAX_INPUT_BYTES = 64 * 1024 * 1024;

export const USAGE = `Usage: npm run --silent cli -- analyze <file|-> [--json|--sarif|--markdown] [--runtime containerd|cri-o]
         [--kubernetes 1.23…${SUPPORTED_VERSIONS[SUPPORTED_VERSIONS.length - 1]}|latest] [--image-user <container>=<uid|name>]...
         [--seccomp-default] [--fail-on error|baseline|restricted]

Analyses the Kubernetes manifests in <file> (or standard input with -) and prints, for every
container, the security settings the kubelet and the runtime apply and where each came from.

  --json              print the Analysis object as JSON (the contract)
  --sarif             print SARIF 2.1.0 for code-scanning dashboards
  --markdown          print a Markdown report (effective settings, process view, Pod Security)
  --runtime           the runtime whose defaults apply (default: containerd)
  --kubernetes        the Kubernetes version whose rules apply (default: latest)
  --image-user        the user the image's USER line gives a container (default: 0, root)
  --seccomp-default   the kubelet runs with --seccomp-default (unset seccomp means RuntimeDefault)
  --fail-on           exit 1 when an error is found, or a workload is not allowed at that level

Exit status: 0 analysed, 1 --fail-on level reached, 2 bad usage or unreadable input (a missing
file, a directory, an input over 64 MB, an analysis too large to print).`;

export function parseArgs(argv: string[]): CliOptions {
  const o: CliOptions = { command: "help", json: false, format: "text", runtime: "containerd", kubernetes: "latest", imageUsers: {}, seccompDefault: false };
  const rest: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const [flag, inline] = a.startsWith("--") && a.includes("=") ? [a.slice(0, a.indexOf("=")), a.slice(a.indexOf("=") + 1)] : [a, undefined];
    const value = (): string => {
      const v = inline ?? argv[++i];
      if (v === undefined) throw new UsageError(`${flag} needs a value`);
      return v;
    };
    switch (flag) {
      case "--json":
        o.json = true;
        o.format = "json";
        break;
      case "--sarif":
        o.format = "sarif";
        break;
      case "--markdown":
        o.format = "markdown";
        break;
      case "--format": {
        const v = value();
        if (v !== "text" && v !== "json" && v !== "sarif" && v !== "markdown") throw new UsageError(`--format must be text, json, sarif or markdown, not "${v}"`);
        o.format = v;
        o.json = v === "json";
        break;
      }
      case "--seccomp-default":
        o.seccompDefault = true;
        break;
      case "--runtime": {
        const v = value();
        if (v !== "containerd" && v !== "cri-o") throw new UsageError(`--runtime must be containerd or cri-o, not "${v}"`);
        o.runtime = v;
        break;
      }
      case "--kubernetes": {
        const v = value();
        const n = normaliseVersion(v);
        if (!n) throw new UsageError(`--kubernetes must be latest or a version from ${SUPPORTED_VERSIONS[0]} to ${SUPPORTED_VERSIONS[SUPPORTED_VERSIONS.length - 1]}, not "${v}"`);
        o.kubernetes = n;
        break;
      }
      case "--image-user": {
        const v = value();
        const eq = v.indexOf("=");
        if (eq <= 0 || eq === v.length - 1) throw new UsageError(`--image-user takes <container>=<uid|name>, not "${v}"`);
        const user = v.slice(eq + 1);
        // defineProperty: a container named __proto__ is an own key, not the object's prototype.
        Object.defineProperty(o.imageUsers, v.slice(0, eq), { value: /^\d+$/.test(user) ? Number(user) : user, enumerable: true, writable: true, configurable: true });
        break;
      }
      case "--fail-on": {
        const v = value();
        if (v !== "error" && v !== "baseline" && v !== "restricted") throw new UsageError(`--fail-on must be error, baseline or restricted, not "${v}"`);
        o.failOn = v;
        break;
      }
      case "-h":
      case "--help":
        return { ...o, command: "help" };
      default:
        if (a.startsWith("--")) throw new UsageError(`unknown option ${a}`);
        rest.push(a);
    }
  }
  if (rest.length === 0) return o;
  if (rest[0] !== "analyze") throw new UsageError(`unknown command "${rest[0]}"`);
  if (rest.length < 2) throw new UsageError("analyze needs a file, or - for standard input");
  if (rest.length > 2) throw new UsageError(`analyze takes one file, got ${rest.length - 1}`);
  return { ...o, command: "analyze", input: rest[1] };
}
