// Where the analysis of a big dump spends its time: npm run --silent profile (writes a .cpuprofile).
import { analyze } from "../src/core/analyze";
import { load } from "js-yaml";
import { podDump } from "./generate";

const n = Number(process.argv[2] ?? 2000);
const text = podDump(n);
analyze(text);
let t0 = performance.now();
load(text);
const l = performance.now() - t0;
t0 = performance.now();
analyze(text);
const a = performance.now() - t0;
console.log(`${n} pods: js-yaml load ${l.toFixed(0)} ms, analyze ${a.toFixed(0)} ms (${(a / l).toFixed(2)}×)`);
