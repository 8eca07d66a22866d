// Splits a YAML input that arrives in pieces into parts that can be analysed one at a time
// (analyze.ts analyzeDocumentPart / analyzeListItem): whole documents, and — for a List written
// as kubectl writes it (`items:` at the left margin, then `- ` items at the left margin) — each
// item on its own. Only one part is ever held, so a 200 MB `kubectl get pods -A -o yaml` is read
// in the memory of one pod.

export type Part =
  | { kind: "document"; text: string; firstLine: number }
  | { kind: "item"; text: string; firstLine: number; index: number }
  /** The List whose items were just given ended: it counts as one document. */
  | { kind: "list-end" };

/** A single document or item larger than the limit: it would have to be held whole. */
export class PartTooLargeError extends Error {
  constructor(readonly firstLine: number, readonly limit: number) {
    super(`the document or List item that starts on line ${firstLine} is larger than ${Math.round(limit / (1024 * 1024))} MB`);
  }
}

// As parse.ts splits documents (kubectl's YAMLReader): `---` at the start of a line.
const SEPARATOR = /^---(?:[ \t\r\n]|$)/;
const ITEMS_KEY = /^items:[ \t]*(?:#.*)?\r?\n?$/;
const ITEM_START = /^-(?:[ \t\r\n]|$)/;
/** Blank, or a comment: belongs to whatever surrounds it. */
const NOTHING = /^[ \t]*(?:#.*)?\r?\n?$/;

export class PartSplitter {
  private pending = "";
  private nextLine = 1;
  /** doc: in a document; items?: after `items:`, deciding; items: in a List's items; tail: after them. */
  private mode: "doc" | "items?" | "items" | "tail" = "doc";
  private cur: string[] = [];
  private curSize = 0;
  private curLine = 1;
  private itemIndex = 0;

  constructor(private readonly limit: number) {}

  push(text: string): Part[] {
    const out: Part[] = [];
    let from = 0;
    let nl = text.indexOf("\n");
    if (nl === -1) {
      this.pending += text;
      if (this.pending.length > this.limit) throw new PartTooLargeError(this.curLine, this.limit);
      return out;
    }
    this.line(this.pending + text.slice(0, nl + 1), out);
    this.pending = "";
    from = nl + 1;
    while ((nl = text.indexOf("\n", from)) !== -1) {
      this.line(text.slice(from, nl + 1), out);
      from = nl + 1;
    }
    this.pending = text.slice(from);
    return out;
  }

  end(): Part[] {
    const out: Part[] = [];
    if (this.pending) this.line(this.pending, out);
    this.pending = "";
    this.close(out);
    return out;
  }

  private line(l: string, out: Part[]): void {
    const n = this.nextLine++;
    if (SEPARATOR.test(l)) {
      this.close(out);
      this.mode = "doc";
      this.start(l, n);
      return;
    }
    switch (this.mode) {
      case "doc":
        this.add(l);
        if (ITEMS_KEY.test(l)) this.mode = "items?";
        return;
      case "items?":
        if (NOTHING.test(l)) return this.add(l);
        if (ITEM_START.test(l)) {
          // kubectl's List: the head (apiVersion, `items:`) carries no pod spec; items follow one by one.
          this.mode = "items";
          this.itemIndex = 0;
          this.start(l, n);
          return;
        }
        this.mode = "doc";
        return this.add(l);
      case "items":
        if (ITEM_START.test(l)) {
          this.emitItem(out);
          this.start(l, n);
          return;
        }
        if (l[0] === " " || l[0] === "\t" || NOTHING.test(l)) return this.add(l);
        // Back at the left margin (`kind: List`, `metadata:`): the items are over.
        this.emitItem(out);
        this.mode = "tail";
        return;
      case "tail":
        return;
    }
  }

  private start(l: string, n: number): void {
    this.cur = [l];
    this.curSize = l.length;
    this.curLine = n;
  }

  private add(l: string): void {
    this.cur.push(l);
    this.curSize += l.length;
    if (this.curSize > this.limit) throw new PartTooLargeError(this.curLine, this.limit);
  }

  private emitItem(out: Part[]): void {
    if (this.cur.length) out.push({ kind: "item", text: this.cur.join(""), firstLine: this.curLine, index: this.itemIndex++ });
    this.cur = [];
    this.curSize = 0;
  }

  private close(out: Part[]): void {
    if (this.mode === "items") this.emitItem(out);
    if (this.mode === "items" || this.mode === "tail") out.push({ kind: "list-end" });
    else if (this.cur.length) out.push({ kind: "document", text: this.cur.join(""), firstLine: this.curLine });
    this.cur = [];
    this.curSize = 0;
  }
}
