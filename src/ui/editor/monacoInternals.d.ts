// Monaco's text buffer builder, which the public API does not export: a huge paste feeds it slice
// by slice (largePaste.ts) instead of handing createModel one 20 MB string to split in one task.
declare module "monaco-editor/esm/vs/editor/common/model/pieceTreeTextBuffer/pieceTreeTextBufferBuilder.js" {
  export class PieceTreeTextBufferBuilder {
    acceptChunk(chunk: string): void;
    /** A text buffer factory: createModel (through the model service) accepts it in place of a string. */
    finish(normalizeEOL?: boolean): object;
  }
}
