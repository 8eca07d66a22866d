// Test support: the command's main() in this process, with a fake standard input and the output
// collected, so the CLI's tests run fast and never spawn for cases that do not need real pipes.
import { main, type Io } from "./main";

export interface Result {
  code: number;
  stdout: string;
  stderr: string;
}

/** A stack trace line: the command must never print one, whatever the input. */
export const STACK = /\n\s+at \S/;

export async function runInProcess(argv: string[], stdin: Iterable<string | Uint8Array> | AsyncIterable<string | Uint8Array> = []): Promise<Result> {
  let stdout = "";
  let stderr = "";
  const io: Io = {
    stdin: (async function* () {
      yield* stdin;
    })(),
    stdout: (t) => void (stdout += t),
    stderr: (t) => void (stderr += t),
  };
  const code = await main(argv, io);
  return { code, stdout, stderr };
}
