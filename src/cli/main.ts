// The command line of the Analysis contract: reads a file or standard input, prints the Analysis.

import { readFileSync, statSync } from "node:fs";
import { analyze } from "../core/analyze";
import { parseArgs, UsageError, USAGE, type CliOptions } from "./args";
import { formatReport } from "./report";
import { failOnReached } from "./failOn";

function readInput(input: string): string {
  if (input === "-") return readFileSync(0, "utf8");
  let st;
  try {
    st = statSync(input);
  } catch (e) {
    throw new UsageError(`cannot read ${input}: ${(e as NodeJS.ErrnoException).code === "ENOENT" ? "no such file" : (e as Error).message}`);
  }
  if (st.isDirectory()) throw new UsageError(`cannot read ${input}: it is a directory`);
  try {
    return readFileSync(input, "utf8");
  } catch (e) {
    throw new UsageError(`cannot read ${input}: ${(e as Error).message}`);
  }
}

export function main(argv: string[]): number {
  let options: CliOptions;
  try {
    options = parseArgs(argv);
  } catch (e) {
    if (e instanceof UsageError) {
      process.stderr.write(`error: ${e.message}\n\n${USAGE}\n`);
      return 2;
    }
    throw e;
  }
  if (options.command === "help") {
    process.stdout.write(`${USAGE}\n`);
    return argv.length === 0 ? 2 : 0;
  }
  let text: string;
  try {
    text = readInput(options.input!);
  } catch (e) {
    process.stderr.write(`error: ${(e as Error).message}\n`);
    return 2;
  }
  const analysis = analyze(text, {
    runtime: options.runtime,
    kubernetes: options.kubernetes,
    imageUsers: options.imageUsers,
    seccompDefault: options.seccompDefault,
  });
  const out = options.json ? `${JSON.stringify(analysis, null, 2)}\n` : formatReport(analysis, options.input === "-" ? "<stdin>" : options.input!);
  process.stdout.write(out);
  return options.failOn && failOnReached(analysis, options.failOn) ? 1 : 0;
}

process.exitCode = main(process.argv.slice(2));
