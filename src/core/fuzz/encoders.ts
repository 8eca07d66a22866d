// Fuzz properties of the output encoders (issue 16): whatever a manifest string holds, the terminal
// report shows no control character, the Markdown renders it as the literal text and nothing else
// (checked by rendering with micromark + GFM), and the SVG's XML stays well-formed (checked with
// saxes) and reads back as the text. Run by fuzz.test.ts (few cases) and scripts/fuzz.ts (20,000).

import fc from "fast-check";
import { micromark } from "micromark";
import { gfm, gfmHtml } from "micromark-extension-gfm";
import { SaxesParser } from "saxes";
import { escapeControls } from "../report/terminal";
import { mdCode, mdText } from "../report/markdownEscape";
import { xmlText } from "../report/xml";

/** Characters that mean something to a terminal, Markdown, HTML or XML, and plain ones. */
const HOSTILE = ["`", "|", "\\", "<", ">", "&", "[", "]", "(", ")", "!", "#", "*", "_", "~", "=", "-", "+", ":", "/", ".", "@", "w", "a", "1", " ", "\t", "\n", "\r", "\u0000", "\u0007", "\u001b", "\u007f", "\u009b", "\u00a0", "\u202e", "\u2066", "\u2028", "\ud800", "\udc00", "\ufffe", "😀", '"', "'", ";", "$", "%", "{", "}", "^", "?"];
export const hostileString = fc.oneof(fc.string({ unit: fc.constantFrom(...HOSTILE), maxLength: 40 }), fc.string({ unit: "binary", maxLength: 40 }));

const CONTROL = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

const terminalProperty = fc.property(hostileString, (s) => {
  const out = escapeControls(s);
  if (CONTROL.test(out)) throw new Error(`a control character passed through: ${JSON.stringify(out)}`);
  if (!CONTROL.test(s) && out !== s) throw new Error(`plain text changed: ${JSON.stringify(s)} → ${JSON.stringify(out)}`);
});

const render = (md: string) => micromark(md, { extensions: [gfm()], htmlExtensions: [gfmHtml()], allowDangerousHtml: true, allowDangerousProtocol: true });
const unhtml = (html: string) => html.replace(/<[^>]+>/g, "").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&amp;/g, "&");
const tagsOf = (html: string) => [...html.matchAll(/<\/?([a-zA-Z][\w-]*)/g)].map((m) => m[1].toLowerCase());

const markdownProperty = fc.property(hostileString, (s) => {
  const literal = escapeControls(s);
  const cases: [string, string, string[]][] = [
    [`before ${mdText(s)} after`, `before ${literal} after`, ["p"]],
    [`| h |\n|---|\n| ${mdText(s)} |`, `h\n\n${literal.trim()}\n\n`, ["table", "thead", "tr", "th", "tbody", "td"]],
  ];
  if (literal !== "") {
    cases.push([`before ${mdCode(s)} after`, `before ${literal} after`, ["p", "code"]]);
    // A cell is trimmed, but a code span in it keeps its spaces.
    cases.push([`| h |\n|---|\n| ${mdCode(s, true)} |`, `h\n\n${literal.includes("\\|") ? literal.trim() : literal}\n\n`, ["table", "thead", "tr", "th", "tbody", "td", "code"]]);
  }
  for (const [md, text, allowed] of cases) {
    const html = render(`${md}\n`);
    const extra = tagsOf(html).filter((t) => !allowed.includes(t));
    if (extra.length) throw new Error(`injected <${extra.join(">, <")}> from ${JSON.stringify(s)}: ${html}`);
    // Text as rendered, with the table's own line breaks normalised.
    // (White space at a cell's edges is the table's, not the text's.)
    const norm = (t: string) => t.replace(/\s*\n\s*/g, "\n").trim();
    const got = norm(unhtml(html));
    const want = norm(text);
    // In a table cell GFM trims the cell; mdText/mdCode are otherwise shown verbatim.
    if (got !== want) throw new Error(`rendered ${JSON.stringify(got)}, not ${JSON.stringify(want)}, from ${JSON.stringify(md)}`);
  }
});

const xmlProperty = fc.property(hostileString, (s) => {
  const enc = xmlText(s);
  const doc = `<svg xmlns="http://www.w3.org/2000/svg"><title>${enc}</title><text data-v="${enc}">${enc}</text></svg>`;
  const parser = new SaxesParser({ xmlns: true });
  const errors: string[] = [];
  let text = "";
  const attrs: string[] = [];
  parser.on("error", (e) => errors.push(e.message));
  parser.on("text", (t) => (text += t));
  parser.on("opentag", (t) => {
    const v = t.attributes["data-v"];
    if (v) attrs.push(typeof v === "string" ? v : v.value);
  });
  parser.write(doc).close();
  if (CONTROL.test(doc.replace(/\n/g, ""))) errors.push("a character XML does not allow");
  if (errors.length) throw new Error(`ill-formed XML from ${JSON.stringify(s)}: ${errors.join("; ")}`);
  const shown = escapeControls(s).replace(/[\ufffe\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16)}`);
  if (text !== shown + shown) throw new Error(`text read back ${JSON.stringify(text)}, not ${JSON.stringify(shown)} twice`);
  if (attrs[0] !== shown) throw new Error(`attribute read back ${JSON.stringify(attrs[0])}`);
});

export const ENCODER_PROPERTIES = [
  { name: "encoder: terminal text shows no control character", property: terminalProperty },
  { name: "encoder: Markdown renders as the literal text", property: markdownProperty },
  { name: "encoder: SVG/XML stays well-formed and reads back", property: xmlProperty },
] as const;
