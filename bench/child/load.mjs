// The bench's baseline: a fresh Node process that reads the file and loads it with js-yaml, nothing
// else. The whole process is timed by the parent (bench/fresh.ts), as the command line is.
import { readFileSync } from "node:fs";
import { loadAll } from "js-yaml";

const docs = loadAll(readFileSync(process.argv[2], "utf8"));
// Keep the result alive until here, so the load cannot be optimised away.
if (docs.length < 0) console.log(docs);
