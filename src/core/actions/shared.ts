// The actions of a container, evaluated once for every container alike (memo.ts): the evaluation
// runs on the container's settings with their places (paths, lines) replaced by placeholders, and
// each container gets the shared actions with its own places put back. An action that names no
// place is the very same object in every container (its sentences are then one string each, which
// the JSON writer encodes once). The write-volume actions name the mounts (kube-api-access-xxxxx
// differs from pod to pod) and are evaluated per container: a few short sentences.

import type { Action, Effective, PodSettings } from "../types";
import { identity, valueOrIdentity, type Memo } from "../memo";
import { evaluateActions, evaluateActionsButVolumes, evaluateWriteVolumes, hostPathMounts, type ActionInput } from "./evaluate";

// Placeholders: a NUL cannot occur in a contract path, so no real place is mistaken for one.
const FIELD = "\u0000e:";
const SETTING = "\u0000s:";
const POD_SC = "\u0000pod";
const CONTAINER = "\u0000container";

/** The container's actions: shared when the memo is on, evaluated on their own when it is off. */
export function containerActions(memo: Memo, input: ActionInput): Action[] {
  if (!memo.on) return evaluateActions(input);
  const hostPaths = hostPathMounts(input);
  const p = input.pod;
  let key = `${identity(memo, input.process)}|${input.sameUidOthers}|${JSON.stringify(hostPaths)}|${p.hostPID}${p.hostNetwork}${p.hostIPC}${p.shareProcessNamespace}${p.hostUsers}|${input.podSecurityContextLine ? 1 : 0}`;
  const settings = input.podSettings;
  if (settings) for (const name of Object.keys(settings) as (keyof PodSettings)[]) key += `|${name}:${settings[name].value}:${settings[name].line ? 1 : 0}`;
  else key += "|-";
  const fields = Object.keys(input.effective) as (keyof ActionInput["effective"])[];
  for (const f of fields) {
    const e = input.effective[f];
    key += `|${f}:${e.source}:${located(e) ? 1 : 0}:${valueOrIdentity(memo, e.value, e.source === "default" || e.source === "image")}`;
  }
  let shared = memo.actions.get(key);
  if (!shared) {
    const { actions, volumesAt } = evaluateActionsButVolumes(placeless(input, fields, hostPaths));
    // Each action's place (its `at` placeholder) and whether its what-if names the container, read
    // once here rather than per container.
    shared = {
      actions,
      volumesAt,
      places: actions.map((a) => (a.at?.path.startsWith("\u0000") ? a.at.path : undefined)),
      containerWhatIfs: actions.map((a) => !!a.whatIf?.edits.some((e) => e.path.startsWith(CONTAINER))),
    };
    memo.actions.set(key, shared);
  }
  const out: Action[] = [];
  // Several actions name the same place (the pod's securityContext, one field): one object each.
  const ats = new Map<string, Action["at"]>();
  for (let i = 0; i < shared.actions.length; i++) {
    if (i === shared.volumesAt) out.push(...evaluateWriteVolumes(input));
    out.push(placed(memo, shared.actions[i], shared.places[i], shared.containerWhatIfs[i], input, ats));
  }
  if (shared.volumesAt >= shared.actions.length) out.push(...evaluateWriteVolumes(input));
  return out;
}

const located = (e: Effective | undefined) => !!(e?.line && e.path);

/** The input with every place a placeholder; the rest is what the key above holds. */
function placeless(input: ActionInput, fields: (keyof ActionInput["effective"])[], hostPaths: string[]): ActionInput {
  const effective = {} as ActionInput["effective"];
  for (const f of fields) {
    const e = input.effective[f];
    effective[f] = located(e) ? { value: e.value, source: e.source, path: FIELD + f, line: 1 } : { value: e.value, source: e.source };
  }
  let podSettings: PodSettings | undefined;
  if (input.podSettings) {
    podSettings = {} as PodSettings;
    for (const name of Object.keys(input.podSettings) as (keyof PodSettings)[]) {
      const s = input.podSettings[name];
      podSettings[name] = s.line ? { value: s.value, path: SETTING + name, line: 1 } : { value: s.value, path: SETTING + name };
    }
  }
  // Only hostPath mounts are read outside write-volume; their names are not.
  const mounts = hostPaths.map((mountPath, i) => ({ name: `h${i}`, mountPath, readOnly: false }));
  const volumes = hostPaths.map((_, i) => ({ name: `h${i}`, type: "hostPath", ownership: "unchanged" as const, why: "" }));
  return {
    ...input,
    effective,
    podSettings,
    mounts,
    volumes,
    containerPath: CONTAINER,
    containerLine: 1,
    podSecurityContextPath: POD_SC,
    podSecurityContextLine: input.podSecurityContextLine ? 1 : undefined,
  };
}

/** A shared action with this container's places; the shared object itself when it names none. */
function placed(memo: Memo, a: Action, place: string | undefined, containerWhatIf: boolean, input: ActionInput, ats: Map<string, Action["at"]>): Action {
  let at: Action["at"];
  if (place !== undefined) {
    at = ats.get(place);
    if (at === undefined) ats.set(place, (at = placeOf(place, input)));
  }
  const whatIf = a.whatIf && containerWhatIf ? placedWhatIf(memo, a.whatIf, input.containerPath) : a.whatIf;
  if (at === undefined && whatIf === a.whatIf) return a;
  const out = { ...a };
  if (at) out.at = at;
  if (whatIf) out.whatIf = whatIf;
  return out;
}

function placeOf(path: string, input: ActionInput): { path: string; line: number } | undefined {
  if (path.startsWith(FIELD)) {
    const e = input.effective[path.slice(FIELD.length) as keyof ActionInput["effective"]];
    return { path: e.path!, line: e.line! };
  }
  if (path.startsWith(SETTING)) {
    const s = input.podSettings![path.slice(SETTING.length) as keyof PodSettings];
    return { path: s.path, line: s.line! };
  }
  if (path === POD_SC) return { path: input.podSecurityContextPath, line: input.podSecurityContextLine! };
  if (path.startsWith(CONTAINER)) return { path: input.containerPath + path.slice(CONTAINER.length), line: input.containerLine };
  return undefined;
}

/** The what-if with the container's path, one object per action and container path. */
function placedWhatIf(memo: Memo, w: NonNullable<Action["whatIf"]>, containerPath: string): Action["whatIf"] {
  let byPath = memo.whatIfs.get(w);
  if (!byPath) memo.whatIfs.set(w, (byPath = new Map()));
  let out = byPath.get(containerPath);
  if (!out) {
    out = { label: w.label, edits: w.edits.map((e) => ({ path: e.path.startsWith(CONTAINER) ? containerPath + e.path.slice(CONTAINER.length) : e.path, value: e.value })) };
    byPath.set(containerPath, out);
  }
  return out;
}
