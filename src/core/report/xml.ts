// Text inside an XML document (the SVG export): markup characters as entities, and characters XML
// 1.0 does not allow at all (C0 controls but tab/LF/CR, lone surrogates, U+FFFE/U+FFFF — "Char" in
// XML 1.0 §2.2) shown as escapes, so a hostile value cannot make the document ill-formed.

import { escapeControls } from "./terminal";

const ENTITIES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" };

export function xmlText(s: string): string {
  return escapeControls(s)
    .replace(/[\ufffe\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16)}`)
    .replace(/[&<>"']/g, (c) => ENTITIES[c]);
}
