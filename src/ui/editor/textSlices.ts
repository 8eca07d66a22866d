// Building a big text into Monaco's text buffer a slice at a time, between turns of the page.
//
// Monaco splits a text into lines when it takes it in (a model, a setValue, an edit); for a text of
// a hundred KB and more that is one task of tens of milliseconds (20 MB: seconds). Its buffer
// builder takes the text in chunks, so the splitting can be spread over several tasks and the
// finished buffer handed to createModel or setValue, which take it as they take a string.

/** Monaco's text buffer builder (monacoSetup.ts): takes the text in slices. */
export interface BufferBuilder {
  acceptChunk(chunk: string): void;
  finish(normalizeEOL?: boolean): object;
}

/** Characters handed to the buffer builder at a time, and the time spent before yielding to the page. */
const SLICE_CHARS = 256 * 1024;
const SLICE_BUDGET_MS = 12;

/** Gives the page a turn (input, paint) between slices; a message is not clamped like nested timers. */
export const yieldToPage = () =>
  new Promise<void>((resolve) => {
    const ch = new MessageChannel();
    ch.port1.onmessage = () => resolve();
    ch.port2.postMessage(null);
  });

/**
 * Feeds `text` to `builder` slice by slice, yielding to the page whenever a slice ran past the
 * budget (and once before the first, when `yieldFirst`: the caller's task may be long already).
 * Returns the finished buffer, or undefined as soon as `wanted()` says the text is no longer wanted.
 */
export async function buildInSlices(text: string, builder: BufferBuilder, wanted: () => boolean, yieldFirst = false): Promise<object | undefined> {
  if (yieldFirst) {
    await yieldToPage();
    if (!wanted()) return undefined;
  }
  let t0 = performance.now();
  for (let i = 0; i < text.length; i += SLICE_CHARS) {
    builder.acceptChunk(text.slice(i, i + SLICE_CHARS));
    if (performance.now() - t0 > SLICE_BUDGET_MS) {
      await yieldToPage();
      t0 = performance.now();
      if (!wanted()) return undefined;
    }
  }
  return builder.finish();
}
