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

// monaco-yaml 5.5 (through monaco-worker-manager) calls createWebWorker({ moduleId, label, createData }),
// the pre-0.54 form; monaco 0.54 wants the worker itself. Do what monaco's own JSON mode does:
// create the worker, send it a first message and the createData, then hand it over.
const createWebWorker = monaco.editor.createWebWorker;
monaco.editor.createWebWorker = ((opts: Parameters<typeof createWebWorker>[0] & { label?: string; createData?: unknown }) => {
  if ((opts as { worker?: unknown }).worker) return createWebWorker(opts);
  const worker = window.MonacoEnvironment!.getWorker!("workerMain.js", opts.label ?? "editorWorkerService") as Worker;
  worker.postMessage("ignore");
  worker.postMessage(opts.createData);
  return createWebWorker({ ...opts, worker } as Parameters<typeof createWebWorker>[0]);
}) as typeof createWebWorker;

export const MODEL_URI = "file:///manifest.yaml";

// monaco-yaml also registers a code-action and a document-link provider. Without its validation they
// find nothing in a manifest, yet Monaco asks them on cursor moves and edits, and each answer makes
// the YAML worker parse the whole text again (≈ 20 ms of CPU for 100 KB) on a core the page needs
// while the user types. The playground's own quick fixes (Editor.tsx) are unaffected.
const languages = monaco.languages as { registerCodeActionProvider: unknown; registerLinkProvider: unknown };
const { registerCodeActionProvider, registerLinkProvider } = languages;
const notRegistered = () => ({ dispose() {} });
languages.registerCodeActionProvider = notRegistered;
languages.registerLinkProvider = notRegistered;
try {
  configureYaml();
} finally {
  languages.registerCodeActionProvider = registerCodeActionProvider;
  languages.registerLinkProvider = registerLinkProvider;
}

// Validation stays with the core (upstream wording, versions, positions); the schema here drives
// completion and hover, so problems are not reported twice in different words.
function configureYaml() {
  configureMonacoYaml(monaco, {
    enableSchemaRequest: false,
    validate: false,
    hover: true,
    completion: true,
    // Formatting is not offered: prettier is aliased out of the worker (prettierStub.ts).
    format: { enable: false },
    schemas: [{ uri: "file:///security-context-playground.schema.json", fileMatch: ["**/*.yaml"], schema: manifestSchema() }],
  });
}

export { monaco };
export { PieceTreeTextBufferBuilder } from "monaco-editor/esm/vs/editor/common/model/pieceTreeTextBuffer/pieceTreeTextBufferBuilder.js";
