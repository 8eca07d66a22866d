// Stands in for prettier in monaco-yaml's worker (vite.config.ts aliases prettier/standalone and its
// yaml/estree plugins here). The worker imports prettier only for "Format Document", which the
// playground does not offer (configureMonacoYaml format.enable false); prettier was most of the worker's
// 1 MB. monaco-yaml's formatter catches the error and returns no edits.
export function format(): Promise<string> {
  return Promise.reject(new Error("formatting is not part of the playground"));
}
