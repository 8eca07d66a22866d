// The library: `import { analyze } from "security-context-playground/core"`. Text in, Analysis out,
// the same core the app and the command line use (docs/analysis.md describes the result).

export { analyze } from "./analyze";
export { sarifReport } from "./report/sarif";
export { markdownReport } from "./report/markdown";
export { SUPPORTED_VERSIONS, LATEST } from "./versions";
export { EFFECTIVE_FIELDS } from "./types";
export type {
  Analysis,
  AnalyzeOptions,
  CapabilitySets,
  Container,
  ContainerType,
  Diagnostic,
  Effective,
  EffectiveField,
  PodLevel,
  Process,
  PssLevel,
  PssViolation,
  Runtime,
  Severity,
  Source,
  Workload,
} from "./types";
