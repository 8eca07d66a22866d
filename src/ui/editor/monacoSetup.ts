// Loads Monaco with only what the playground uses (the editor, its contributions, YAML), bundles its
// workers locally, and wires monaco-yaml to a schema generated from the field catalogue.
// Imported dynamically so the first paint and the graph never wait for Monaco.

import * as monaco from "monaco-editor/esm/vs/editor/editor.api.js";
import "monaco-editor/esm/vs/editor/editor.all.js";
import "monaco-editor/esm/vs/basic-languages/yaml/yaml.contribution.js";
import { configureMonacoYaml } from "monaco-yaml";
import EditorWorker from "monaco-editor/esm/vs/editor/editor.worker.js?worker";
import YamlWorker from "./yaml.worker.ts?worker";
import { manifestSchema } from "./schema";

declare global {
  interface Window {
    MonacoEnvironment?: monaco.Environment;
  }
}

window.MonacoEnvironment = {
  getWorker(_id: string, label: string) {
    return label === "yaml" ? new YamlWorker() : new EditorWorker();
  },
};

export const MODEL_URI = "file:///manifest.yaml";

configureMonacoYaml(monaco, {
  enableSchemaRequest: false,
  validate: true,
  hover: true,
  completion: true,
  schemas: [{ uri: "file:///security-context-playground.schema.json", fileMatch: ["**/*.yaml"], schema: manifestSchema() }],
});

export { monaco };
