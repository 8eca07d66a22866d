// Test helpers: YAML text in, findings out, through the same parser and workload discovery the app
// uses. The checks run unguarded (runChecks), so a bug throws in a test instead of being swallowed.

import { parseYamlText } from "../yaml/parse";
import { objectsOf, podSpecOf } from "../workloads";
import { contextFor, runChecks } from "./index";
import type { Finding, ValidationTarget } from "./findings";

export function targetsOf(text: string, minor = 37): ValidationTarget[] {
  const out: ValidationTarget[] = [];
  for (const doc of parseYamlText(text).documents) {
    if (!doc.ok) continue;
    for (const found of objectsOf(doc.value)) {
      if ("notObject" in found) continue;
      const loc = podSpecOf(found);
      if (!loc || !loc.spec) continue;
      out.push({ kind: found.kind, object: found.obj, objectPath: found.path, spec: loc.spec, specPath: loc.path, minor });
    }
  }
  return out;
}

/** Findings for every workload in the text. */
export function findingsOf(text: string, minor = 37): Finding[] {
  const all: Finding[] = [];
  for (const t of targetsOf(text, minor)) {
    const ctx = contextFor(t);
    runChecks(ctx, t);
    all.push(...ctx.findings);
  }
  return all;
}

/** A Pod manifest around a pod spec body (YAML lines indented under `spec:`). */
export function pod(specBody: string): string {
  return `apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n${indent(specBody, 2)}\n`;
}

/** A Pod with one container "app" whose securityContext is the given YAML. */
export function podWithContainerSc(sc: string, podSpecExtra = ""): string {
  return pod(`${podSpecExtra}containers:\n- name: app\n  image: app:1\n  securityContext:\n${indent(sc, 4)}`);
}

/** A Pod whose pod-level securityContext is the given YAML. */
export function podWithPodSc(sc: string, podSpecExtra = ""): string {
  return pod(`${podSpecExtra}securityContext:\n${indent(sc, 2)}\ncontainers:\n- name: app\n  image: app:1`);
}

export function indent(text: string, n: number): string {
  const pad = " ".repeat(n);
  return text
    .split("\n")
    .map((l) => (l ? pad + l : l))
    .join("\n");
}

/** The messages, for compact assertions. */
export function messages(fs: Finding[]): string[] {
  return fs.map((f) => f.message);
}
