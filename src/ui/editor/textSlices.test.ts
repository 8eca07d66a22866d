import { describe, expect, it } from "vitest";
import { PieceTreeTextBufferBuilder } from "monaco-editor/esm/vs/editor/common/model/pieceTreeTextBuffer/pieceTreeTextBufferBuilder.js";
import { buildInSlices, type BufferBuilder } from "./textSlices";

/** A builder that records what it was given. */
function recorder(): BufferBuilder & { chunks: string[]; finished: number } {
  const r = {
    chunks: [] as string[],
    finished: 0,
    acceptChunk(c: string) {
      r.chunks.push(c);
    },
    finish() {
      r.finished++;
      return { chunks: r.chunks.length };
    },
  };
  return r;
}

describe("buildInSlices", () => {
  it.each([
    ["empty", ""],
    ["one line", "kind: Pod"],
    ["a hostile link's text (one 120,000-character line)", `spec:\n  supplementalGroups: [${Array(20_000).fill(1000).join(", ")}]\n`],
    ["CRLF lines over several slices", "a: 1\r\n".repeat(150_000)],
    // A slice is 256 Ki characters: the last one a CR whose LF opens the next (one line break, not two).
    ["a CRLF split between two slices", `${"x".repeat(256 * 1024 - 1)}\r\na: 1\r\n`],
  ])("gives Monaco's builder the whole text, in order: %s", async (_name, text) => {
    const builder = new PieceTreeTextBufferBuilder();
    const factory = (await buildInSlices(text, builder, () => true, true)) as ReturnType<PieceTreeTextBufferBuilder["finish"]> | undefined;
    expect(factory).toBeDefined();
    const { textBuffer } = (factory as unknown as { create(eol: number): { textBuffer: { getLinesContent(): string[] } } }).create(1);
    expect(textBuffer.getLinesContent()).toEqual(text.split(/\r\n|\n/));
  });

  it("splits a big text into several slices and finishes once", async () => {
    const r = recorder();
    const text = "x".repeat(1_000_000);
    await buildInSlices(text, r, () => true);
    expect(r.chunks.length).toBeGreaterThan(1);
    expect(r.chunks.join("")).toBe(text);
    expect(r.finished).toBe(1);
  });

  it("stops, unfinished, when the text is no longer wanted", async () => {
    const r = recorder();
    let wanted = true;
    const build = buildInSlices("y".repeat(100), r, () => wanted, true);
    wanted = false; // a newer text arrived before the first slice
    expect(await build).toBeUndefined();
    expect(r.chunks).toEqual([]);
    expect(r.finished).toBe(0);
  });
});
