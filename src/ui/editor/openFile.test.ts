import { describe, expect, it } from "vitest";
import { MAX_FILE_BYTES, READ_SLICE_BYTES, readText, refusal } from "./openFile";

describe("reading a file a slice at a time", () => {
  it("decodes UTF-8 whole, characters split between slices included", async () => {
    // Multi-byte characters at every offset, over several slices (READ_SLICE_BYTES).
    const text = Array.from({ length: 250_000 }, (_, i) => `é€😀${i % 10}\n`).join("");
    const bytes = new TextEncoder().encode(text);
    expect(bytes.length).toBeGreaterThan(2 * READ_SLICE_BYTES);
    expect(READ_SLICE_BYTES % 11).not.toBe(0); // 11 bytes a line: slice ends fall inside characters
    // Blob parts of odd sizes, so that part boundaries fall inside characters too.
    const parts: BlobPart[] = [];
    for (let i = 0; i < bytes.length; i += 9_999) parts.push(bytes.slice(i, i + 9_999).buffer);
    expect(await readText(new Blob(parts), () => true)).toBe(text);
  });

  it("stops when the file is no longer wanted (another one was opened meanwhile)", async () => {
    let reads = 0;
    const text = await readText(new Blob(["x".repeat(1_000_000)]), () => ++reads < 2);
    expect(text).toBeUndefined();
  });

  it("an empty file is an empty text", async () => {
    expect(await readText(new Blob([]), () => true)).toBe("");
  });
});

describe("files too big to open", () => {
  it.each([
    [1, undefined],
    [MAX_FILE_BYTES, undefined],
  ])("%i bytes: opened", (size, why) => expect(refusal({ name: "pods.yaml", size })).toBe(why));

  it("over the limit: refused, with the size and the command line that streams any size", () => {
    const why = refusal({ name: "cluster.yaml", size: 200 * 1024 * 1024 });
    expect(why).toContain("cluster.yaml is 200.0 MB");
    expect(why).toContain("up to 64.0 MB");
    expect(why).toContain("secctx analyze cluster.yaml");
  });
});
