// The editor's two themes: Monaco's own "vs" and "vs-dark" with the colours that fell under the
// WCAG AA ratio of 4.5:1 raised (axe-core, e2e/a11y.spec.ts). Ratios are against the editor's
// background and against the inactive-selection background (#e5ebf1 light, #3a3d41 dark), which
// covers lines a click in the graph or a quick fix selects.
import type * as Monaco from "monaco-editor/esm/vs/editor/editor.api.js";

export const LIGHT_THEME = "scp-light";
export const DARK_THEME = "scp-dark";

export function defineThemes(monaco: typeof Monaco): void {
  monaco.editor.defineTheme(LIGHT_THEME, {
    base: "vs",
    inherit: true,
    rules: [
      { token: "type", foreground: "006666" }, // keys: vs #008080 is 3.97:1 on the selection
      { token: "comment", foreground: "006b00" }, // vs #008000 is 4.3:1 on the selection
      { token: "number", foreground: "06704a" }, // vs #098658 is 3.8:1 on the selection
    ],
    colors: {
      // Monaco dims the number of the line after a final newline to 40 % (1.75:1); it is a real line.
      "editorLineNumber.dimmedForeground": "#237893",
    },
  });
  monaco.editor.defineTheme(DARK_THEME, {
    base: "vs-dark",
    inherit: true,
    rules: [
      { token: "comment", foreground: "8bc17a" }, // vs-dark #608b4e is 4.2:1 on #1e1e1e
      { token: "keyword", foreground: "79b8ff" }, // true/false/null: vs-dark #569cd6 is 3.7:1 on the selection
      { token: "string", foreground: "e0a98c" }, // vs-dark #ce9178 is 4.1:1 on the selection
    ],
    colors: {
      "editorLineNumber.foreground": "#a0a0a0", // vs-dark #858585 is 4.5:1, at the edge
      "editorLineNumber.dimmedForeground": "#a0a0a0", // 40 % of it was 1.79:1
    },
  });
}

export const themeName = (theme: "light" | "dark") => (theme === "dark" ? DARK_THEME : LIGHT_THEME);
