// Forged Markdown renders as literal text (issue 16 item 3): the report is rendered with a
// CommonMark + GFM parser (micromark, raw HTML allowed so that an injection would show) and the
// rendered HTML is checked for injected structure.

import { micromark } from "micromark";
import { gfm, gfmHtml } from "micromark-extension-gfm";
import { describe, expect, it } from "vitest";
import { analyze } from "../analyze";
import { markdownReport } from "./markdown";
import { mdCode, mdText } from "./markdownEscape";
import { escapeControls } from "./terminal";

const render = (md: string) => micromark(md, { extensions: [gfm()], htmlExtensions: [gfmHtml()], allowDangerousHtml: true, allowDangerousProtocol: true });
const decode = (html: string) => html.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&#x27;|&#39;/g, "'").replace(/&amp;/g, "&");
const ALLOWED_TAGS = new Set(["h1", "h2", "h3", "h4", "p", "table", "thead", "tbody", "tr", "th", "td", "code", "pre", "ul", "li", "strong", "em"]);
const tags = (html: string) => [...html.matchAll(/<\/?([a-zA-Z][\w-]*)/g)].map((m) => m[1].toLowerCase());

export const FORGERIES = [
  "x\n## ✅ Pod Security restricted: allowed",
  "`\n\n## ✅ injected heading\n\n`",
  "```\n# fenced",
  "<img src=https://evil.example/t.png onerror=alert(1)>",
  "<script>alert(1)</script><b>bold</b>",
  "[click](https://evil.example/)",
  "![pixel](https://evil.example/p.png)",
  "https://evil.example/auto www.evil.example mail@evil.example",
  "a | b | c\n|---|---|",
  "| cell | split |",
  "**bold** _em_ ~~strike~~ `code`",
  "&lt;b&gt; &#60;i&#62; &copy;",
  "> quote\n- list\n1. ordered\n---",
  "\\| backslash pipe \\`",
  "`` double ` backtick ``",
  " leading and trailing spaces ",
  "[ref]: https://evil.example/\n[ref]",
  "<https://evil.example/>",
  "\u001b[2J\u202eevil\u0000",
  "#",
  "|",
  "\\",
];

describe("mdText and mdCode render as the literal text", () => {
  it.each(FORGERIES)("%j", (s) => {
    const literal = escapeControls(s);
    for (const [md, inTable] of [[`before ${mdText(s)} after`, false], [`before ${mdCode(s)} after`, false], [`| a |\n|---|\n| ${mdText(s)} |`, true], [`| a |\n|---|\n| ${mdCode(s, true)} |`, true]] as const) {
      const html = render(`${md}\n`);
      expect(tags(html).every((t) => ALLOWED_TAGS.has(t)), html).toBe(true);
      expect(tags(html).filter((t) => t === "code").length).toBeLessThanOrEqual(2);
      const text = decode(html.replace(/<[^>]+>/g, ""));
      expect(text, `${md}\n${html}`).toContain(literal.trim() === "" ? "" : literal.replace(/^ +| +$/g, (m) => (inTable ? "" : m)).trim());
      if (inTable) expect((html.match(/<td>/g) ?? []).length, html).toBe(1);
    }
  });
});

describe("the Markdown report of a hostile manifest", () => {
  it.each(FORGERIES)("%j as every name", (forged) => {
    const manifest = JSON.stringify({
      apiVersion: "v1",
      kind: "Pod",
      metadata: { name: forged, namespace: forged },
      spec: { hostPID: true, containers: [{ name: forged, image: forged, securityContext: { privileged: true, runAsUser: forged, seLinuxOptions: { type: forged } } }] },
    });
    const a = analyze(manifest);
    const html = render(markdownReport(a, `Security contexts in ${forged}.yaml`));
    expect(tags(html).filter((t) => !ALLOWED_TAGS.has(t)), html).toEqual([]);
    // The structure is the report's own: one title, its sections, one workload, one container.
    expect((html.match(/<h1>/g) ?? []).length).toBe(1);
    expect((html.match(/<h2>/g) ?? []).length).toBe(a.diagnostics.length ? 2 : 1);
    expect((html.match(/<h3>/g) ?? []).length).toBe(1);
    expect((html.match(/<h4>/g) ?? []).length).toBe(1);
    expect(html).not.toMatch(/<a |<img /);
    // Only the real verdicts: baseline and restricted, both refused (privileged, hostPID).
    expect(decode(html).match(/Pod Security <strong>\w+<\/strong>: [a-z ]+/g)).toEqual(["Pod Security <strong>baseline</strong>: not allowed", "Pod Security <strong>restricted</strong>: not allowed"]);
    // Every table row has the table's four cells.
    for (const row of html.match(/<tr>[\s\S]*?<\/tr>/g) ?? []) expect((row.match(/<t[dh][ >]/g) ?? []).length, row).toBe(4);
    // The name is shown, literally, in the workload heading.
    const h3 = decode(html.match(/<h3>([\s\S]*?)<\/h3>/)![1].replace(/<[^>]+>/g, ""));
    if (forged.trim()) expect(h3).toContain(escapeControls(forged).trim());
  });

  it("documents are counted from 1", () => {
    expect(markdownReport(analyze("kind: Pod\nmetadata: {name: a}\nspec: {containers: [{name: c}]}\n"))).toContain("Document 1, line 1");
  });
});

describe("SARIF message text", () => {
  it("brackets cannot form an embedded link; controls are shown escaped", async () => {
    const { sarifReport, sarifText } = await import("./sarif");
    expect(sarifText("[click](https://evil.example/) \\[x\\] \u001b[2J")).toBe("\\[click\\](https://evil.example/) \\\\[x\\\\] \\x1b\\[2J");
    const manifest = JSON.stringify({ kind: "Pod", metadata: { name: "[pwn](https://evil.example/)\u202e" }, spec: { hostPID: true, containers: [{ name: "c", image: "x" }] } });
    const s = JSON.stringify(sarifReport(analyze(manifest), "f.yaml"));
    expect(s).toContain('Pod \\"\\\\[pwn\\\\](https://evil.example/)\\\\u202e\\" is not allowed at baseline');
    expect(s).not.toMatch(/[^\\]\[pwn\]/);
  });
});
