// The JSON schema monaco-yaml uses for completion, hover and validation: generated from the field
// catalogue (src/core/catalogue/schema.ts), never a second hand-written copy.
import type { JSONSchema } from "monaco-yaml";
import { buildManifestSchema } from "../../core/catalogue/schema";

export function manifestSchema(): JSONSchema {
  return buildManifestSchema() as JSONSchema;
}
