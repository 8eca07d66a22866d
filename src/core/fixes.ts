// One-click fixes for Pod Security violations: the upstream-derived suggestion (pss/suggestFixes)
// turned into the smallest text edit on the person's own YAML.

import type { Workload } from "./types";
import { parseYamlText } from "./yaml/parse";
import { locatePath } from "./yaml/locate";
import { get, isMap } from "./yaml/access";
import { suggestFixes, type FixSuggestion } from "./pss/index";
import { setValueEdit, type TextEdit } from "./edit/yamlEdit";
import { LATEST } from "./versions";

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

/** The fixes for a workload at a level, in violation order. */
export function fixesFor(text: string, target: FixTarget, level: "baseline" | "restricted", version = LATEST): PlannedFix[] {
  const pod = podOf(text, target);
  if (!pod) return [];
  return suggestFixes({ metadata: pod.metadata, spec: pod.spec, kind: target.kind }, level, version).map((f) => ({ ...f, level }));
}

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
