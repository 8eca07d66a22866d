// What the editor underlines: the analysis' diagnostics. This is the one place that chooses them,
// so other problem sources (Pod Security violations with their level) join here.
import type { Analysis, Diagnostic } from "../../core/types";

const NONE: Diagnostic[] = [];

export function editorMarkers(analysis: Analysis | null): Diagnostic[] {
  return analysis?.diagnostics ?? NONE;
}
