// Preloaded into every bench child (node --require): reports the process's peak resident memory and
// the CPU time it used (user + system) when it exits, as JSON to the file named by BENCH_RSS_FILE.
// CPU time is the steadier figure on a shared machine: waiting for a core does not count in it.
// CommonJS, not an ES module: `--import` starts Node's ES module loader in every child, ~20 ms of
// CPU that neither side pays when a user runs it, and most of a tiny run's difference.
const { writeFileSync } = require("node:fs");

const file = process.env.BENCH_RSS_FILE;
if (file)
  process.on("exit", () => {
    const u = process.resourceUsage();
    writeFileSync(file, JSON.stringify({ rss: u.maxRSS * 1024, cpuMs: (u.userCPUTime + u.systemCPUTime) / 1000 }));
  });
