// The decoding diagnostics of an input joined to its analysis, in text order.

import type { Analysis, Diagnostic } from "../types";

/** Input decoded as kubectl would (decode.ts), with what decoding had to say about it. */
export interface ReadInput {
  text: string;
  /** Bytes read. */
  bytes: number;
  diagnostics: Diagnostic[];
}

export function withInputDiagnostics(analysis: Analysis, input: { diagnostics: Diagnostic[] }): Analysis {
  if (input.diagnostics.length === 0) return analysis;
  const diagnostics = [...input.diagnostics, ...analysis.diagnostics].sort((a, b) => a.line - b.line || a.column - b.column);
  return { ...analysis, diagnostics };
}
