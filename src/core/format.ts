// Short, stable text for a field value, shared by the report, the graph and the panels.

export function formatValue(v: unknown): string {
  if (v === null || v === undefined) return "—";
  if (typeof v === "string") return v;
  if (typeof v === "number" || typeof v === "boolean") return String(v);
  if (Array.isArray(v)) return `[${v.map(formatValue).join(", ")}]`;
  if (typeof v === "object") {
    const o = v as Record<string, unknown>;
    const keys = Object.keys(o);
    // Profiles read best as their type (plus the profile name).
    if (keys.includes("type") && keys.every((k) => k === "type" || k === "localhostProfile")) {
      return o.localhostProfile ? `${formatValue(o.type)} (${formatValue(o.localhostProfile)})` : formatValue(o.type);
    }
    // Capabilities read best as "drop ALL · add NET_BIND_SERVICE".
    if (keys.length > 0 && keys.every((k) => k === "add" || k === "drop")) {
      const part = (k: string) => (Array.isArray(o[k]) ? `${k} ${(o[k] as unknown[]).map(formatValue).join(", ") || "none"}` : `${k} ${formatValue(o[k])}`);
      return ["drop", "add"].filter((k) => (keys as string[]).includes(k)).map(part).join(" · ");
    }
    return `{${keys.map((k) => `${k}: ${formatValue(o[k])}`).join(", ")}}`;
  }
  return String(v);
}
