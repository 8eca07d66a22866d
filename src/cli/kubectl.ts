// Live objects: `secctx analyze pod/web -n shop` runs the user's own kubectl (`kubectl get pod/web
// -o yaml -n shop`) and analyses what it prints. No client library and no credentials of ours:
// kubectl finds the cluster, the context and the credentials as it always does. It is started
// with an argument list, never through a shell, so no name can become a command.

import type { CliOptions } from "./args";
import { escapeControls } from "../core/report/terminal";

/**
 * Resource names and short names (kubectl api-resources) of the kinds that carry a pod spec, as
 * typed before a slash. Anything else with a slash is a file path.
 */
const WORKLOAD_RESOURCES = new Set([
  "pod", "pods", "po",
  "deployment", "deployments", "deploy",
  "replicaset", "replicasets", "rs",
  "statefulset", "statefulsets", "sts",
  "daemonset", "daemonsets", "ds",
  "job", "jobs",
  "cronjob", "cronjobs", "cj",
  "replicationcontroller", "replicationcontrollers", "rc",
  "podtemplate", "podtemplates",
]);

/** Objects of one type are fetched in pages of this many (kubectl --chunk-size; its default too). */
export const CHUNK_SIZE = 500;

/**
 * The kubectl arguments for the analysed operand, or undefined when it is not a live object.
 * `fileExists` is asked first: a file named like `deploy/app.yaml` is read as a file.
 */
export function kubectlArgs(options: CliOptions, fileExists: (p: string) => boolean): string[] | undefined {
  const input = options.input;
  let resource: string;
  if (input === undefined) resource = "pods"; // `analyze -A`
  else if (input === "-" || fileExists(input)) return undefined;
  else {
    const slash = input.indexOf("/");
    const type = (slash === -1 ? input : input.slice(0, slash)).toLowerCase();
    // "deployments.apps/web" is kubectl's fully qualified form.
    if (!WORKLOAD_RESOURCES.has(type.split(".")[0]) || slash === input.length - 1) return undefined;
    resource = input;
  }
  const args = ["get", resource, "-o", "yaml"];
  if (options.allNamespaces) args.push("--all-namespaces");
  else if (options.namespace !== undefined) args.push("--namespace", options.namespace);
  if (options.context !== undefined) args.push("--context", options.context);
  // Lists are paged by the API server, so a big cluster is never one response.
  if (!resource.includes("/")) args.push(`--chunk-size=${CHUNK_SIZE}`);
  return args;
}

export class KubectlError extends Error {}

export interface KubectlRun {
  /** kubectl's standard output, as it arrives. */
  stdout: AsyncIterable<Uint8Array>;
  /** Resolves when kubectl has exited successfully; rejects with a KubectlError otherwise. */
  done: Promise<void>;
  /** Stops kubectl (when the analysis gives up early). */
  kill: () => void;
}

/**
 * node:child_process, loaded on first use: most runs read a file, and it costs start-up time. The
 * bundled command is CommonJS and has `require` (node:module's createRequire, imported at the top,
 * loaded Node's ES module loader at every start: ~0.5 ms); the ES module sources (tests, tsx) use
 * process.getBuiltinModule.
 */
function childProcess(): typeof import("node:child_process") {
  return typeof require === "function" ? (require("node:child_process") as typeof import("node:child_process")) : process.getBuiltinModule("node:child_process");
}

/** Starts `kubectl <args>`; its output is read as it comes (a whole cluster can be 100 MB+). */
export function runKubectl(args: string[], command = "kubectl"): KubectlRun {
  const shown = `kubectl ${args.map((a) => escapeControls(a)).join(" ")}`;
  const { spawn } = childProcess();
  const child = spawn(command, args, { stdio: ["ignore", "pipe", "pipe"], shell: false });
  let stderr = "";
  child.stderr.setEncoding("utf8").on("data", (d: string) => {
    if (stderr.length < 64 * 1024) stderr += d;
  });
  const done = new Promise<void>((resolve, reject) => {
    child.on("error", (e: NodeJS.ErrnoException) => {
      reject(
        new KubectlError(
          e.code === "ENOENT"
            ? "kubectl was not found on PATH: install it (https://kubernetes.io/docs/tasks/tools/) or analyse a file"
            : `cannot run kubectl: ${escapeControls(e.message)}`,
        ),
      );
    });
    child.on("close", (code, signal) => {
      if (code === 0) return resolve();
      // kubectl's own words: "The connection to the server … was refused", "Error from server (NotFound): …".
      const said = escapeControls(stderr.trim()).split("\n").filter(Boolean).join("; ");
      reject(new KubectlError(`${shown} failed (${signal ? `signal ${signal}` : `exit ${code}`})${said ? `: ${said}` : ""}`));
    });
  });
  // A rejection nobody awaited yet must not crash the process before the output is read.
  done.catch(() => {});
  return { stdout: child.stdout, done, kill: () => child.kill() };
}
