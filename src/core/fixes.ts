// One-click fixes for Pod Security violations: the upstream-derived suggestion (pss/suggestFixes)
// turned into the smallest text edit on the person's own YAML.

import type { Workload } from "./types";
import { parseYamlText } from "./yaml/parse";
import { locatePath } from "./yaml/locate";
import { get, isMap } from "./yaml/access";
import { suggestFixes, type FixSuggestion } from "./pss/index";
import { setValueEdit, type TextEdit } from "./edit/yamlEdit";
import { LATEST } from "./versions";
import { parseImageUser } from "./runtime/user";
import type { Diagnostic } from "./types";

export interface FixTarget {
  document: number;
  podSpecPath: string;
  kind: string;
}

export interface PlannedFix extends FixSuggestion {
  level: "baseline" | "restricted";
}

/** The metadata that sits beside a PodSpec: `spec.template.spec` → `spec.template.metadata`. */
function metadataPathOf(podSpecPath: string): string {
  return podSpecPath.replace(/(^|\.)spec$/, "$1metadata");
}

function podOf(text: string, target: FixTarget) {
  const parsed = parseYamlText(text);
  const doc = parsed.documents[target.document];
  if (!doc?.ok) return undefined;
  const spec = walk(doc.value, target.podSpecPath);
  if (!isMap(spec)) return undefined;
  return { parsed, root: doc.value, spec, metadata: walk(doc.value, metadataPathOf(target.podSpecPath)) };
}

function walk(root: unknown, path: string): unknown {
  let node = root;
  for (const seg of path.match(/[^.[\]]+/g) ?? []) {
    node = /^\d+$/.test(seg) && Array.isArray(node) ? node[Number(seg)] : get(node, seg);
  }
  return node;
}

/** The non-root uid proposed when nothing in the manifest or the image gives one. */
export const PROPOSED_RUN_AS_USER = 1000;

/**
 * The fixes for a workload at a level, in violation order. `imageUsers` (container name → the
 * image's USER, as the analysis options take it) lets the runAsNonRoot fix see whether the
 * container would still run as root.
 */
export function fixesFor(
  text: string,
  target: FixTarget,
  level: "baseline" | "restricted",
  version = LATEST,
  imageUsers: Record<string, number | string> = {},
): PlannedFix[] {
  const pod = podOf(text, target);
  if (!pod) return [];
  return suggestFixes({ metadata: pod.metadata, spec: pod.spec, kind: target.kind }, level, version).map((f) =>
    f.check === "runAsNonRoot" ? { ...withRunAsUser(f, pod.spec, imageUsers), level } : { ...f, level },
  );
}

/**
 * runAsNonRoot: true alone leaves a pod that cannot start when a container would run as root: the
 * kubelet's verifyRunAsNonRoot (pkg/kubelet/kuberuntime/security_context_others.go) refuses a
 * container with no runAsUser whose image user is 0 or unset ("container has runAsNonRoot and image
 * will run as root") or a name it cannot check ("…image has non-numeric user…"), as
 * CreateContainerConfigError. So the fix also sets a non-root runAsUser on the pod, when the pod has
 * none and some container has none either and gets root (or a name) from its image.
 */
function withRunAsUser(fix: FixSuggestion, spec: Record<string, unknown>, imageUsers: Record<string, number | string>): FixSuggestion {
  if (get(get(spec, "os"), "name") === "windows") return fix; // Windows checks the user name, not a uid
  if (get(get(spec, "securityContext"), "runAsUser") !== undefined) return fix;
  const containers = ["initContainers", "containers", "ephemeralContainers"].flatMap((k) => {
    const list = get(spec, k);
    return Array.isArray(list) ? list : [];
  });
  let why: string | undefined;
  for (const c of containers) {
    if (get(get(c, "securityContext"), "runAsUser") !== undefined) continue;
    const name = get(c, "name");
    const image = parseImageUser(typeof name === "string" ? (imageUsers[name] ?? 0) : 0);
    if (image.uid === undefined && image.username) {
      why = `the image of container "${String(name)}" gives the user name ${image.username}, which the kubelet cannot check ("container has runAsNonRoot and image has non-numeric user")`;
      break;
    }
    if (image.uid === undefined || image.uid === "0") {
      why = `container "${String(name)}" would run as its image's user, root (uid 0), and the kubelet would refuse to start it ("container has runAsNonRoot and image will run as root")`;
      break;
    }
  }
  if (!why) return fix;
  return {
    ...fix,
    description: `Set securityContext.runAsNonRoot to true and runAsUser to ${PROPOSED_RUN_AS_USER} on the pod: without a runAsUser, ${why}, so the pod would stay in CreateContainerConfigError. Any non-zero uid the image can run as will do.`,
    edits: [...fix.edits, { path: "securityContext.runAsUser", value: PROPOSED_RUN_AS_USER }],
  };
}

export { didYouMeanFix } from "./renameFix";

/**
 * Applies one fix's edits one after another (each on the text the previous one produced) and
 * returns the single smallest edit that turns the old text into the new one.
 */
export function fixEdit(text: string, target: FixTarget, fix: FixSuggestion): TextEdit | undefined {
  let current = text;
  for (const e of fix.edits) {
    const pod = podOf(current, target);
    if (!pod) return undefined;
    const base = e.base === "metadata" ? metadataPathOf(target.podSpecPath) : target.podSpecPath;
    const path = e.path.startsWith("[") ? `${base}${e.path}` : `${base}.${e.path}`;
    if (e.base === "metadata" && !isMap(pod.metadata) && e.value === undefined) continue;
    const edit = setValueEdit(pod.parsed, pod.root, path, e.value);
    if (!edit) {
      // Removing something already absent is fine; anything else needs a person.
      if (e.value === undefined && !locatePath(pod.parsed.positions, pod.root, path)?.exact) continue;
      return undefined;
    }
    current = current.slice(0, edit.start) + edit.text + current.slice(edit.end);
  }
  return diffEdit(text, current);
}

/** The one edit (common prefix and suffix kept) that turns `a` into `b`. */
export function diffEdit(a: string, b: string): TextEdit | undefined {
  if (a === b) return undefined;
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  return { start, end: endA, text: b.slice(start, endB) };
}

export function targetOf(w: Workload): FixTarget {
  return { document: w.document, podSpecPath: w.podSpecPath, kind: w.kind };
}
