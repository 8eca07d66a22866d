// Which objects carry a pod spec, and where. Lists (`kind: List`, and typed lists such as PodList
// that the API returns) are walked item by item.

import { get, isMap, joinPath, type YMap } from "./yaml/access";
import type { ContainerType } from "./types";

/** Path from an object to its PodSpec, by kind (kubernetes API types: apps/v1, batch/v1, core/v1). */
export const POD_SPEC_PATHS: Readonly<Record<string, readonly string[]>> = {
  Pod: ["spec"],
  PodTemplate: ["template", "spec"],
  Deployment: ["spec", "template", "spec"],
  ReplicaSet: ["spec", "template", "spec"],
  StatefulSet: ["spec", "template", "spec"],
  DaemonSet: ["spec", "template", "spec"],
  Job: ["spec", "template", "spec"],
  ReplicationController: ["spec", "template", "spec"],
  CronJob: ["spec", "jobTemplate", "spec", "template", "spec"],
};

export interface FoundObject {
  obj: YMap;
  /** Path of the object inside its document ("" at the top, "items[2]" inside a List). */
  path: string;
  kind: string;
}

/** Yields the objects of a document: the document itself, or the items of a List. */
export function* objectsOf(doc: unknown, path = ""): Generator<FoundObject | { notObject: unknown; path: string }> {
  if (!isMap(doc)) {
    yield { notObject: doc, path };
    return;
  }
  const kind = get(doc, "kind");
  const items = get(doc, "items");
  if (typeof kind === "string" && /List$/.test(kind) && Array.isArray(items)) {
    for (let i = 0; i < items.length; i++) yield* objectsOf(items[i], joinPath(path, "items") + `[${i}]`);
    return;
  }
  yield { obj: doc, path, kind: typeof kind === "string" ? kind : "" };
}

export interface PodSpecLocation {
  spec: YMap | undefined;
  /** Path of the PodSpec from the document root, e.g. `spec.template.spec`. */
  path: string;
  /** The metadata that belongs with this pod spec (the template's, or the Pod's own). */
  podMetadata: unknown;
  /** How far the path could be followed; where it stopped when the spec is missing or not a map. */
  brokenAt?: { path: string; value: unknown };
}

export function podSpecOf(found: FoundObject): PodSpecLocation | undefined {
  // Own keys only: `kind: constructor` (or __proto__, toString) must not find Object.prototype's members.
  const steps = Object.hasOwn(POD_SPEC_PATHS, found.kind) ? POD_SPEC_PATHS[found.kind] : undefined;
  if (!steps) return undefined;
  let node: unknown = found.obj;
  let path = found.path;
  let parent: unknown = undefined;
  for (const step of steps) {
    parent = node;
    path = joinPath(path, step);
    node = get(node, step);
    if (!isMap(node)) {
      return { spec: undefined, path: pathOf(found.path, steps), podMetadata: undefined, brokenAt: { path, value: node } };
    }
  }
  // The pod's metadata sits beside its spec: the template's metadata, or the Pod's own.
  return { spec: node as YMap, path, podMetadata: get(parent, "metadata") };
}

function pathOf(base: string, steps: readonly string[]): string {
  return steps.reduce((p, s) => joinPath(p, s), base);
}

export interface FoundContainer {
  obj: YMap;
  name: string;
  type: ContainerType;
  path: string;
  index: number;
  list: "initContainers" | "containers" | "ephemeralContainers";
}

/** initContainers, then containers, then ephemeralContainers, as the contract orders them. */
export function containersOf(spec: YMap, specPath: string): FoundContainer[] {
  const out: FoundContainer[] = [];
  for (const list of ["initContainers", "containers", "ephemeralContainers"] as const) {
    const arr = get(spec, list);
    if (!Array.isArray(arr)) continue;
    for (let i = 0; i < arr.length; i++) {
      const c = arr[i];
      if (!isMap(c)) continue;
      const name = get(c, "name");
      out.push({
        obj: c,
        name: typeof name === "string" ? name : "",
        type: list === "containers" ? "regular" : list === "ephemeralContainers" ? "ephemeral" : get(c, "restartPolicy") === "Always" ? "sidecar" : "init",
        path: `${joinPath(specPath, list)}[${i}]`,
        index: i,
        list,
      });
    }
  }
  return out;
}
