// Times the JSON writer alone on the analysis of a generated dump, against another writer module
// given as argv[3] (for tuning; not part of npm run bench). CPU time, min of 10 alternating rounds.
import { analyze } from "../src/core/analyze";
import { jsonSize } from "../src/cli/jsonOut";
import { JsonWriter } from "../src/cli/jsonWriter";
import { podDump } from "./generate";

const n = Number(process.argv[2] ?? 1000);
const other = process.argv[3] ? ((await import(process.argv[3])) as { JsonWriter: typeof JsonWriter }).JsonWriter : undefined;
const analysis = analyze(podDump(n));
const time = async (W: typeof JsonWriter) => {
  let bytes = 0;
  const c0 = process.cpuUsage();
  const out = new W((b) => void (bytes += b.length));
  for (const w of analysis.workloads) out.value(w, 2);
  await out.flush();
  const c1 = process.cpuUsage(c0);
  return { ms: (c1.user + c1.system) / 1000, bytes };
};
const sizeTime = () => {
  const c0 = process.cpuUsage();
  for (const w of analysis.workloads) jsonSize(w);
  const c1 = process.cpuUsage(c0);
  return (c1.user + c1.system) / 1000;
};
const mine: number[] = [];
const theirs: number[] = [];
const sizes: number[] = [];
for (let r = 0; r < 10; r++) {
  mine.push((await time(JsonWriter)).ms);
  if (other) theirs.push((await time(other)).ms);
  sizes.push(sizeTime());
}
const min = (xs: number[]) => Math.min(...xs).toFixed(0);
console.log(`${n} pods: this writer ${min(mine)} ms CPU${other ? `, the other ${min(theirs)} ms` : ""}; jsonSize ${min(sizes)} ms`);
