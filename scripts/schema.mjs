// npm run schema — docs/analysis.schema.json (and docs/analysis-summary.schema.json), generated
// from the TypeScript types the core returns (src/core/types.ts, src/core/summary.ts), so the
// published schema cannot say something the code does not. src/core/schema.test.ts checks that
// the checked-in files are what this script writes, and that real outputs validate against them.

import { createGenerator } from "ts-json-schema-generator";
import { readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");

/** The contract version the schema describes (docs/analysis.md); bump it when a field is added. */
export const SCHEMA_VERSION = "1.1";

const SCHEMAS = [
  { file: "docs/analysis.schema.json", source: "src/core/types.ts", type: "Analysis", title: "Analysis", description: "What `secctx analyze --json` prints and `analyze()` returns (docs/analysis.md)." },
  { file: "docs/analysis-summary.schema.json", source: "src/core/summary.ts", type: "AnalysisSummary", title: "Analysis summary", description: "What `secctx analyze --json=summary` prints (docs/analysis.md)." },
];

/** The schemas as text, keyed by their file: deterministic, so a regeneration can be compared. */
export function generateSchemas() {
  const out = {};
  for (const s of SCHEMAS) {
    const schema = createGenerator({ path: join(root, s.source), tsconfig: join(root, "tsconfig.json"), type: s.type, skipTypeCheck: true, additionalProperties: false, sortProps: true }).createSchema(s.type);
    const full = {
      $schema: schema.$schema,
      $id: `https://security-context-playground.invalid/schemas/v${SCHEMA_VERSION}/${s.file.replace(/^docs\//, "")}`,
      title: `${s.title} v${SCHEMA_VERSION}`,
      description: `${s.description} Generated from ${s.source} by scripts/schema.mjs: do not edit by hand.`,
      version: SCHEMA_VERSION,
      $ref: schema.$ref,
      definitions: schema.definitions,
    };
    out[s.file] = `${JSON.stringify(full, null, 2)}\n`;
  }
  return out;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  for (const [file, text] of Object.entries(generateSchemas())) {
    const path = join(root, file);
    let before = "";
    try {
      before = readFileSync(path, "utf8");
    } catch {}
    writeFileSync(path, text);
    console.log(`${file}: ${before === text ? "unchanged" : "written"}`);
  }
}
