// Texts that are small to send but big to analyse or render (issue 16 item 2): a share link holding
// one pod with a thousand containers and tens of thousands of supplementalGroups (7 KB compressed),
// a paste of thousands of containers, and a pod with tens of thousands of unknown fields. Used by the
// bench and the e2e tests.

/** One pod: `containers` containers, the pod's securityContext carrying `groups` supplementalGroups. */
export function manyContainersPod(containers: number, groups = 0): string {
  const lines = ["apiVersion: v1", "kind: Pod", "metadata:", "  name: wide", "spec:"];
  // One repeated group id compresses to almost nothing in a link, yet every container inherits all.
  if (groups > 0) lines.push("  securityContext:", `    supplementalGroups: [${Array.from({ length: groups }, () => 1000).join(", ")}]`);
  lines.push("  containers:");
  for (let i = 0; i < containers; i++) lines.push(`  - name: c${i}`, "    image: nginx");
  return `${lines.join("\n")}\n`;
}

/** The share-link state (before lz-string) for a text, as the app's share.ts writes it. */
export function shareState(text: string): Record<string, unknown> {
  return { v: 1, text, runtime: "containerd", kubernetes: "latest", seccompDefault: false, imageUsers: {} };
}

/** One pod whose container carries `n` fields Kubernetes does not know (each a diagnostic). */
export function unknownFieldsPod(n: number): string {
  const lines = ["apiVersion: v1", "kind: Pod", "metadata:", "  name: odd", "spec:", "  containers:", "  - name: app", "    image: nginx", "    securityContext:"];
  for (let i = 0; i < n; i++) lines.push(`      notAField${i}: ${i}`);
  return `${lines.join("\n")}\n`;
}
