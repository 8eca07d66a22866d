// Preloaded into every bench child (node --import): reports the process's peak resident memory and
// the CPU time it used (user + system) when it exits, as JSON to the file named by BENCH_RSS_FILE.
// CPU time is the steadier figure on a shared machine: waiting for a core does not count in it.
import { writeFileSync } from "node:fs";

const file = process.env.BENCH_RSS_FILE;
if (file)
  process.on("exit", () => {
    const u = process.resourceUsage();
    writeFileSync(file, JSON.stringify({ rss: u.maxRSS * 1024, cpuMs: (u.userCPUTime + u.systemCPUTime) / 1000 }));
  });
