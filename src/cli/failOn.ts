import type { Analysis } from "../core/types";
import type { FailOn } from "./args";

/** Whether the analysis reached the level `--fail-on` names. */
export function failOnReached(analysis: Analysis, level: FailOn): boolean {
  if (level === "error") return analysis.diagnostics.some((d) => d.severity === "error");
  return analysis.workloads.some((w) => w.pss !== undefined && !w.pss[level].allowed);
}
