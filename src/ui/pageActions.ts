// The "What can it do?" actions travel to the page only when asked for. They are most of an
// analysis' size (about 13 KB a container: 21 actions with their rules, sources and what-ifs), and
// the page shows them for one container at a time, in the panel. So the worker keeps them and the
// page's copy says where they are; small analyses (a lesson, a pod of a few containers) still carry
// them inline. Pure functions, no DOM.

import type { Action, Analysis, Container, Workload } from "../core/types";
import { capValue, DISPLAY_LIMITS } from "./displayCap";

/** Up to this many containers in the page's copy, their actions travel with it. */
export const ACTIONS_INLINE_MAX_CONTAINERS = 8;

/** Where a container's actions are kept in the worker: its workload's and its own index. */
export interface ActionsAt {
  workload: number;
  container: number;
}

/** A container as the page receives it: without `actions`, with where to ask for them. */
export type PageContainer = Container & { actionsAt?: ActionsAt };

/** A container's place in the worker's analysis, when its actions were left out of the page's copy. */
export const actionsAtOf = (c: Container): ActionsAt | undefined => (c as PageContainer).actionsAt;

function stripContainer(c: Container, at: ActionsAt): PageContainer {
  if (c.actions === undefined) return c;
  const { actions: _left, ...rest } = c;
  return { ...rest, actionsAt: at };
}

/** One workload's containers without their actions (`index`: the workload's index in the analysis). */
export function workloadWithoutActions(w: Workload, index: number): Workload {
  if (!w.containers.some((c) => c.actions !== undefined)) return w;
  return { ...w, containers: w.containers.map((c, i) => stripContainer(c, { workload: index, container: i })) };
}

/**
 * The page's copy with the actions left in the worker, unless it is small and whole. `partial`: the
 * copy is cut down or light (the worker keeps the whole analysis then anyway).
 */
export function pageCopy(a: Analysis, partial: boolean): Analysis {
  const containers = a.workloads.reduce((n, w) => n + w.containers.length, 0);
  if (!partial && containers <= ACTIONS_INLINE_MAX_CONTAINERS) return a;
  return { ...a, workloads: a.workloads.map(workloadWithoutActions) };
}

/** One container's actions as the page shows them: long lists cut like every other list (a pod may mount thousands of volumes). */
export function actionsFor(a: Analysis, at: ActionsAt): Action[] | undefined {
  const actions = a.workloads[at.workload]?.containers[at.container]?.actions;
  return actions && (capValue(actions, DISPLAY_LIMITS, { valuesCut: 0, longestList: 0 }) as Action[]);
}
