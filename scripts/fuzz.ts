// The core's fuzz properties (src/core/fuzz/properties.ts) with many more cases than CI runs.
//
//   npm run fuzz                         20,000 cases per property, a fresh seed
//   npm run fuzz -- --runs 100000        more cases
//   npm run fuzz -- --seed 42            replay a run (the seed is printed)
//   npm run fuzz -- --only invariance    the properties whose name contains the word
//
// Prints, per property: cases run, failures (0 or 1: fast-check stops at the first and shrinks it),
// seed and time; on a failure, the shrunk counterexample and how to replay it. Exit status 1 when a
// property failed, 2 for bad usage.

import fc from "fast-check";
import { PROPERTIES } from "../src/core/fuzz/properties";

interface Options {
  runs: number;
  seed: number;
  only?: string;
}

function parse(argv: string[]): Options {
  const o: Options = { runs: 20_000, seed: Date.now() ^ (Math.random() * 0x7fffffff) };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].includes("=") ? argv[i].split(/=(.*)/s, 2) : [argv[i], undefined];
    const value = () => inline ?? argv[++i];
    if (flag === "--runs") o.runs = Number(value());
    else if (flag === "--seed") o.seed = Number(value());
    else if (flag === "--only") o.only = value();
    else {
      process.stderr.write(`unknown argument ${argv[i]}\nusage: npm run fuzz -- [--runs N] [--seed S] [--only WORD]\n`);
      process.exit(2);
    }
  }
  if (!Number.isInteger(o.runs) || o.runs < 1 || !Number.isInteger(o.seed)) {
    process.stderr.write("--runs must be a positive integer and --seed an integer\n");
    process.exit(2);
  }
  return o;
}

const options = parse(process.argv.slice(2));
let failed = 0;
process.stdout.write(`fuzz: ${options.runs} cases per property, seed ${options.seed}\n\n`);
for (const { name, property } of PROPERTIES) {
  if (options.only && !name.includes(options.only)) continue;
  const t0 = performance.now();
  // The same seed for every property, so one number replays the whole run.
  const r = fc.check(property as fc.IRawProperty<unknown[]>, { numRuns: options.runs, seed: options.seed }) as fc.RunDetails<unknown[]>;
  const seconds = ((performance.now() - t0) / 1000).toFixed(1);
  const failures = r.failed ? 1 : 0;
  failed += failures;
  process.stdout.write(`${name.padEnd(50)} cases ${String(r.numRuns).padStart(7)}  failures ${failures}  seed ${r.seed}  ${seconds} s\n`);
  if (r.failed) {
    const error = r.errorInstance instanceof Error ? r.errorInstance.message : String(r.errorInstance);
    process.stdout.write(`  counterexample (after ${r.numShrinks} shrinks): ${JSON.stringify(r.counterexample)}\n`);
    process.stdout.write(`  error: ${error.split("\n").join("\n  ")}\n`);
    process.stdout.write(`  replay: npm run fuzz -- --seed ${r.seed} --only "${name}" (path ${r.counterexamplePath})\n`);
  }
}
process.stdout.write(`\n${failed === 0 ? "no failures" : `${failed} propert${failed === 1 ? "y" : "ies"} failed`}\n`);
process.exitCode = failed === 0 ? 0 : 1;
