import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { JsonWriter, stringifyAt } from "./jsonWriter";
import { MAX_OUTPUT_CHARS, writeObjectStreaming } from "./jsonOut";

/** Writes `value` at `depth` with chunks of `chunkSize` bytes; each chunk decoded on its own. */
async function written(value: unknown, depth: number, chunkSize?: number): Promise<{ text: string; chunks: Buffer[] }> {
  const chunks: Buffer[] = [];
  const w = new JsonWriter((c) => void chunks.push(Buffer.from(c)), chunkSize);
  w.value(value, depth);
  await w.flush();
  // Decoding chunk by chunk (as a test's `stdout += chunk` does) is only right when no chunk
  // ends inside a UTF-8 sequence.
  return { text: chunks.map((c) => c.toString("utf8")).join(""), chunks };
}

const expected = (value: unknown, depth: number) => {
  const s = JSON.stringify(value, null, 2);
  return s === undefined ? "null" : depth === 0 ? s : s.replace(/\n/g, `\n${"  ".repeat(depth)}`);
};

describe("JsonWriter writes what JSON.stringify(value, null, 2) prints", () => {
  const long = "containerd/containerd internal/cri/server/container_create.go → EROFS ".repeat(3);
  it.each([
    ["null", null],
    ["numbers", [0, -0, 1.5, -7, 1e21, 2 ** 53, NaN, Infinity, -Infinity]],
    ["booleans", [true, false]],
    ["empty containers", { a: [], b: {}, c: [[]], d: [{}] }],
    ["skipped members", { a: undefined, f: () => 1, s: Symbol("x"), b: 1 }],
    ["only skipped members", { a: undefined }],
    ["array holes and undefined items", [undefined, () => 1, Symbol("y"), , 2]],
    ["escapes", ['quote " backslash \\ tab \t nl \n', "\u0000\u001f\u007f", "lone \ud800 surrogate", "é ✓ 😀"]],
    ["long repeated strings", [long, long, { k: long }, long + "x"]],
    ["keys needing escapes", { 'a"b': 1, "é": 2, "\n": 3, "": 4, "2": 5, "1": 6 }],
    ["dates and boxed values", { d: new Date(0), s: new String("s"), n: new Number(3), b: new Boolean(false) }],
    ["nested", { a: { b: [1, { c: [long, "x"] }] } }],
    // Only own enumerable keys, in Object.keys's order (integer-like first): the writer walks with for…in.
    ["inherited and hidden keys", Object.create({ inherited: 1 }, { b: { value: 2, enumerable: true }, 1: { value: 1, enumerable: true }, hidden: { value: 3, enumerable: false } })],
    // Around the lengths written as plain ASCII (and the chunk sizes below): paths, escapes, UTF-8.
    ["strings of 40 to 200 characters", [40, 41, 61, 62, 63, 64, 65, 98, 99, 100, 119, 120, 121, 200].flatMap((n) => ["p".repeat(n), `${"q".repeat(n - 1)}"`, `${"r".repeat(n - 1)}→`, { [`k${n}`]: "s".repeat(n) }])],
    ["null-prototype object", Object.assign(Object.create(null), { z: 1, 0: "a", y: [2] })],
  ])("%s", async (_name, value) => {
    for (const depth of [0, 1, 2, 5])
      for (const chunkSize of [undefined, 64, 100]) expect((await written(value, depth, chunkSize)).text).toBe(expected(value, depth));
  });

  it("any JSON-like value, at any depth, cut into any chunk size", async () => {
    await fc.assert(
      fc.asyncProperty(fc.anything({ withBoxedValues: false, withMap: false, withSet: false, withObjectString: false, withNullPrototype: true }), fc.integer({ min: 0, max: 4 }), fc.integer({ min: 64, max: 300 }), async (value, depth, chunkSize) => {
        let want: string;
        try {
          want = expected(value, depth);
        } catch {
          return; // BigInt and the like: JSON.stringify throws, and so does the writer (next test)
        }
        expect((await written(value, depth, chunkSize)).text).toBe(want);
      }),
      { numRuns: 300 },
    );
  });

  it("writes on after a flush, with the default chunks (a small first one, then full ones)", async () => {
    const chunks: Buffer[] = [];
    const w = new JsonWriter((c) => void chunks.push(Buffer.from(c)));
    const small = { a: "x".repeat(100) };
    const big = Array.from({ length: 3000 }, (_, i) => ({ i, text: `item ${i} `.repeat(20) }));
    w.value(small, 0);
    await w.flush();
    w.value(big, 0);
    w.value("after", 1);
    await w.flush();
    w.value(small, 0);
    await w.flush();
    expect(Buffer.concat(chunks).toString("utf8")).toBe(JSON.stringify(small, null, 2) + JSON.stringify(big, null, 2) + '"after"' + JSON.stringify(small, null, 2));
    expect(Math.max(...chunks.map((c) => c.length))).toBeLessThanOrEqual(1 << 20);
  });

  it("throws as JSON.stringify does on a BigInt", async () => {
    await expect(written({ a: 1n }, 0)).rejects.toThrow(TypeError);
  });

  it("chunks never exceed the chunk size unless one string alone does", async () => {
    const { chunks } = await written({ xs: Array.from({ length: 200 }, (_, i) => `item ${i} é`) }, 2, 64);
    expect(chunks.length).toBeGreaterThan(10);
    for (const c of chunks) expect(c.length).toBeLessThanOrEqual(64);
  });

  it("reaches the sink only on drain or flush, and discard drops what is pending", async () => {
    const got: string[] = [];
    const w = new JsonWriter((c) => void got.push(c.toString()), 64);
    w.value("a".repeat(200), 0);
    expect(got).toEqual([]);
    w.discard();
    await w.flush();
    expect(got).toEqual([]);
    expect(w.sent).toBe(false);
    w.raw("[1]");
    await w.flush();
    expect(got.join("")).toBe("[1]");
    expect(w.sent).toBe(true);
  });

  it("stringifyAt indents as the nesting depth", () => {
    for (const v of [1, "a\nb", [], {}, [1, [2, {}]], { a: { b: [1, 2] } }]) for (const d of [0, 1, 2, 3]) expect(stringifyAt(v, d)).toBe(expected(v, d));
  });

  it("rollback forgets exactly what was written since the mark, across chunks", async () => {
    await fc.assert(
      fc.asyncProperty(fc.jsonValue(), fc.jsonValue(), fc.jsonValue(), fc.integer({ min: 64, max: 200 }), async (a, b, c, chunkSize) => {
        const chunks: Buffer[] = [];
        const w = new JsonWriter((x) => void chunks.push(Buffer.from(x)), chunkSize);
        w.value(a, 1);
        const m = w.mark();
        w.value(b, 1);
        w.rollback(m);
        w.value(c, 1);
        await w.flush();
        expect(Buffer.concat(chunks).toString()).toBe(expected(a, 1) + expected(c, 1));
      }),
      { numRuns: 200 },
    );
  });

  it("watch calls back once, within a chunk of the limit", async () => {
    const w = new JsonWriter(() => {}, 64);
    w.value("x".repeat(500), 0);
    const calls: number[] = [];
    w.watch(1000, () => calls.push(1));
    w.value(Array.from({ length: 300 }, (_, i) => `item ${i}`), 0);
    expect(calls).toEqual([1]);
    const quiet: number[] = [];
    w.watch(1e6, () => quiet.push(1));
    w.value(Array.from({ length: 300 }, (_, i) => `item ${i}`), 0);
    expect(quiet).toEqual([]);
  });

  it("writeObjectStreaming refuses an item too large to print before any of it is written", async () => {
    const got: Buffer[] = [];
    const w = new JsonWriter((x) => void got.push(Buffer.from(x)));
    // One shared list printed many times: far more bytes out than held in memory.
    const list = Array.from({ length: 10_000 }, (_, i) => i);
    const big = { copies: Array.from({ length: Math.ceil(MAX_OUTPUT_CHARS / 48_000) + 1 }, () => list) };
    const refused: unknown[] = [];
    const run = writeObjectStreaming(w, { head: 1 }, "items", [{ small: true }, big], () => ({}), (item) => {
      refused.push(item);
      throw new Error("too large");
    });
    await expect(run).rejects.toThrow("too large");
    expect(refused).toEqual([big]);
    await w.flush();
    expect(Buffer.concat(got).toString()).toBe('{\n  "head": 1,\n  "items": [\n    {\n      "small": true\n    }');
  }, 60_000);

  it("writeObjectStreaming with a size check prints what JSON.stringify prints", async () => {
    const got: Buffer[] = [];
    const w = new JsonWriter((x) => void got.push(Buffer.from(x)), 64);
    const items = [{ a: "x".repeat(300) }, { b: [1, 2] }];
    await writeObjectStreaming(w, { head: 1 }, "items", items, () => ({ tail: true }), () => {});
    await w.flush();
    expect(Buffer.concat(got).toString()).toBe(`${JSON.stringify({ head: 1, items, tail: true }, null, 2)}\n`);
  });
});
