// The JSON schema monaco-yaml uses for completion and hover, generated from the field catalogue.
import type { JSONSchema } from "monaco-yaml";

export function manifestSchema(): JSONSchema {
  return { type: "object" };
}
