// How the analysis time splits between reading the YAML and the rest (for tuning).
import { load } from "js-yaml";
import { parseYamlText } from "../src/core/yaml/parse";
import { analyze } from "../src/core/analyze";
import { podDump } from "./generate";

const text = podDump(Number(process.argv[2] ?? 3000));
const median = (f: () => void) => {
  const t: number[] = [];
  for (let i = 0; i < 5; i++) {
    const t0 = performance.now();
    f();
    t.push(performance.now() - t0);
  }
  return t.sort((a, b) => a - b)[2];
};
const l = median(() => load(text));
const p = median(() => parseYamlText(text));
const a = median(() => analyze(text));
console.log(`load ${l.toFixed(0)} ms; parse with positions ${p.toFixed(0)} ms (${(p / l).toFixed(2)}×); full analysis ${a.toFixed(0)} ms (${(a / l).toFixed(2)}×); analysis after parsing ${(a - p).toFixed(0)} ms`);
