// The runtime and its release line in one select: "containerd" / "cri-o" mean the newest line (the
// values older links and tests use), "containerd@2.1" an older one (core/runtime/releases.ts).
import type { Runtime } from "../core/types";
import { linesOf, newestLine } from "../core/runtime/releases";

const LABEL: Record<Runtime, string> = { containerd: "containerd", "cri-o": "CRI-O" };

export function RuntimeSelect({ runtime, version, onChange }: { runtime: Runtime; version?: string; onChange: (runtime: Runtime, version: string | undefined) => void }) {
  const newest = newestLine(runtime).line;
  const value = version && version !== newest && linesOf(runtime).some((l) => l.line === version) ? `${runtime}@${version}` : runtime;
  return (
    <select
      aria-label="Container runtime"
      title="The container runtime and its release line: their defaults decide capabilities, seccomp and what the process can do"
      value={value}
      onChange={(e) => {
        const [r, v] = e.target.value.split("@");
        onChange(r as Runtime, v);
      }}
    >
      {(["containerd", "cri-o"] as const).map((r) => (
        <optgroup key={r} label={LABEL[r]}>
          {[...linesOf(r)].reverse().map((l, i) => (
            <option key={l.line} value={i === 0 ? r : `${r}@${l.line}`}>
              {LABEL[r]} {l.line}
            </option>
          ))}
        </optgroup>
      ))}
    </select>
  );
}
