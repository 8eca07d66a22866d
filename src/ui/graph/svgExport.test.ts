// The SVG export is well-formed XML whatever the manifest holds (issue 16 item 6): control
// characters, markup, lone surrogates and non-characters in any name or value. Checked with saxes,
// a conformant XML 1.0 parser that refuses characters outside XML's Char production.

import { SaxesParser } from "saxes";
import { describe, expect, it } from "vitest";
import { analyze } from "../../core/analyze";
import { graphSvg } from "./svgExport";

/** The well-formedness errors saxes reports, and the text content it reads. */
export function parseXml(xml: string): { errors: string[]; text: string } {
  const parser = new SaxesParser({ xmlns: true });
  const errors: string[] = [];
  let text = "";
  parser.on("error", (e) => errors.push(e.message));
  parser.on("text", (t) => (text += t));
  parser.write(xml).close();
  // saxes reads UTF-16 code units and lets a lone surrogate through; XML's Char excludes them.
  const lone = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.exec(xml);
  if (lone) errors.push(`lone surrogate at offset ${lone.index}`);
  return { errors, text };
}

const HOSTILE = ["\u0000\u0001\u0008\u000b\u000c\u001b[2J", "</text><script>alert(1)</script>", "a&b<c>\"d'", "\ud800 lone", "x\ufffe\uffff", "\u202e\u2066", "😀".repeat(40), "]]><!--"];

describe("graphSvg", () => {
  it.each(HOSTILE)("is well-formed XML with %j in every name and value", (s) => {
    const manifest = JSON.stringify({
      kind: "Deployment",
      metadata: { name: s },
      spec: { template: { spec: { volumes: [{ name: s, emptyDir: {} }], securityContext: { fsGroup: 1, seLinuxOptions: { type: s } }, containers: [{ name: s, image: s, securityContext: { runAsUser: s, seLinuxOptions: { user: s } } }, { name: `b${s}` }] } } },
    });
    const w = analyze(manifest).workloads[0];
    for (const theme of ["light", "dark"] as const) {
      const svg = graphSvg(w, { runtime: "containerd", allFields: true, theme, selected: 0 });
      const { errors, text } = parseXml(svg);
      expect(errors, svg.slice(0, 400)).toEqual([]);
      // The markup in a name stays text.
      if (s.includes("<script>")) expect(text).toContain("</text><script>");
    }
  });

  it("the checker refuses what the old export wrote", () => {
    expect(parseXml('<svg xmlns="http://www.w3.org/2000/svg"><text>a\u001bb</text></svg>').errors).not.toEqual([]);
    expect(parseXml('<svg xmlns="http://www.w3.org/2000/svg"><text>a\ud800b</text></svg>').errors).not.toEqual([]);
  });
});
