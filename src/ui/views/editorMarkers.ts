// What the editor underlines: the analysis' diagnostics. This is the one place that chooses them,
// so other problem sources (Pod Security violations with their level) join here.
import type { Analysis, Diagnostic } from "../../core/types";
import { problemsOf } from "../problemsModel";
import { appStore } from "../state/store";

/** Validation, startup and Pod Security problems (with their level): the same list as Problems. */
export function editorMarkers(analysis: Analysis | null): Diagnostic[] {
  return problemsOf(analysis);
}
