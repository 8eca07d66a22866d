// The graph as a standalone SVG, drawn from the same layout the screen uses (not a DOM snapshot,
// which is slow and drags the page's styles along). The PNG is this SVG rasterised on a canvas.

import type { Runtime, Workload } from "../../core/types";
import { EDGE_LABEL_MAX_WIDTH, LABEL_CHAR, MONO_CHAR, SANS_CHAR, layoutWorkload, overridesText, runtimeRows, valueWidth, wrapText, type LaidOutNode } from "./model";
import { tAtHeightShare } from "./model";
import { SOURCE_META } from "../sources";
import { xmlText } from "../../core/report/xml";


const COLORS = {
  light: { bg: "#f7f8fa", panel: "#ffffff", text: "#1c2430", muted: "#5b6675", border: "#d6dbe3", container: "#1f7a4d", containerBg: "#e3f4ea", pod: "#2457c5", podBg: "#e4ecfb", def: "#6b7280", defBg: "#eef0f3", image: "#9a5b00", imageBg: "#fbefdc", over: "#a15c00", risk: "#b54708" },
  dark: { bg: "#12161c", panel: "#1b2129", text: "#e6e9ef", muted: "#9aa4b2", border: "#323b47", container: "#4cc38a", containerBg: "#163326", pod: "#7aa2ff", podBg: "#1b2a4a", def: "#9aa4b2", defBg: "#262d37", image: "#f0b45a", imageBg: "#3a2c14", over: "#f0b45a", risk: "#f0b45a" },
};

// XML-safe: a control character in a value made the export ill-formed (and the PNG, drawn from it, fail).
const esc = xmlText;

const MONO = "ui-monospace, SFMono-Regular, Menlo, Consolas, 'DejaVu Sans Mono', monospace";
const LINE = 21;

/** One text element per wrapped line (nothing is cut, as on screen). */
function lines(x: number, y: number, text: string[], attrs: string): string {
  return text.map((t, i) => `<text x="${x}" y="${y + i * LINE}" ${attrs}>${esc(t)}</text>`).join("");
}

export function graphSvg(w: Workload, opts: { runtime: Runtime; allFields: boolean; selected?: number; theme: "light" | "dark" }): string {
  const c = COLORS[opts.theme];
  const { nodes, edges } = layoutWorkload(w, { allFields: opts.allFields, stale: false, runtime: opts.runtime, selected: opts.selected });
  const pad = 24;
  const legendHeight = 120;
  const minX = Math.min(...nodes.map((n) => n.position.x)) - pad;
  const minY = Math.min(...nodes.map((n) => n.position.y)) - pad;
  const maxX = Math.max(...nodes.map((n) => n.position.x + n.width), minX + 900) + pad;
  const graphBottom = Math.max(...nodes.map((n) => n.position.y + n.height)) + pad;
  const maxY = graphBottom + legendHeight;
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const bgOf = { container: c.containerBg, pod: c.podBg, default: c.panel, image: c.imageBg } as const;
  const fgOf = { container: c.container, pod: c.pod, default: c.def, image: c.image } as const;

  const out: string[] = [];
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${maxX - minX}" height="${maxY - minY}" viewBox="${minX} ${minY} ${maxX - minX} ${maxY - minY}" font-family="system-ui, -apple-system, 'Segoe UI', Roboto, 'DejaVu Sans', sans-serif" font-size="15">`,
    `<title>${esc(`${w.kind} ${w.name}: pod → container security settings`)}</title>`,
    `<rect x="${minX}" y="${minY}" width="${maxX - minX}" height="${maxY - minY}" fill="${c.bg}"/>`,
  );

  for (const n of nodes.filter((n) => n.type === "group")) {
    out.push(`<rect x="${n.position.x}" y="${n.position.y}" width="${n.width}" height="${n.height}" rx="14" fill="none" stroke="${c.border}" stroke-dasharray="5 4"/>`);
    out.push(`<text x="${n.position.x + 16}" y="${n.position.y + 26}" fill="${c.muted}" font-weight="600">${esc(`${n.data.title} (${n.data.count})`)}</text>`);
  }

  for (const e of edges) {
    const s = byId.get(e.source);
    const t = byId.get(e.target);
    if (!s || !t) continue;
    const stroke = e.kind === "overrides" ? c.over : e.kind === "defaults" ? c.def : c.pod;
    const dash = e.kind === "overrides" ? ' stroke-dasharray="6 4"' : e.kind === "defaults" ? ' stroke-dasharray="2 4" opacity="0.7"' : "";
    if (t.type === "volumes" || s.type === "runtime") {
      // Side edges run across: pod's left → volumes' right; runtime's right → container's left.
      const [sx, sy, tx, ty] = t.type === "volumes" ? [s.position.x, s.position.y + s.height / 2, t.position.x + t.width, t.position.y + t.height / 2] : [s.position.x + s.width, s.position.y + s.height / 2, t.position.x, t.position.y + 27];
      const mx = (sx + tx) / 2;
      out.push(`<path d="M ${sx},${sy} C ${mx},${sy} ${mx},${ty} ${tx},${ty}" fill="none" stroke="${stroke}" stroke-width="1.5"${dash}/>`);
      continue;
    }
    const handles = s.data.handles ?? [];
    const hi = e.sourceHandle ? handles.indexOf(e.sourceHandle) : -1;
    const sx = s.position.x + (hi >= 0 ? ((hi + 1) / (handles.length + 1)) * s.width : s.width / 2);
    const sy = s.position.y + s.height;
    const tx = t.position.x + t.width / 2;
    const ty = t.position.y;
    const my = (ty - sy) / 2;
    out.push(`<path d="M ${sx},${sy} C ${sx},${sy + my} ${tx},${ty - my} ${tx},${ty}" fill="none" stroke="${stroke}" stroke-width="1.5"${dash}/>`);
    if (e.label) {
      const k = tAtHeightShare(e.labelAt);
      const u = 1 - k;
      const lx = u ** 3 * sx + 3 * u * u * k * sx + 3 * u * k * k * tx + k ** 3 * tx;
      const ly = u ** 3 * sy + 3 * u * u * k * (sy + my) + 3 * u * k * k * (ty - my) + k ** 3 * ty;
      const text = wrapText(e.label, EDGE_LABEL_MAX_WIDTH - 14, LABEL_CHAR);
      const wdt = Math.max(...text.map((l) => l.length)) * 7.6 + 14;
      const h = text.length * 19 + 8;
      out.push(`<rect x="${lx - wdt / 2}" y="${ly - h / 2}" width="${wdt}" height="${h}" rx="4" fill="${c.panel}" stroke="${e.kind === "overrides" ? c.over : c.border}"/>`);
      out.push(text.map((l, i) => `<text x="${lx}" y="${ly - h / 2 + 18 + i * 19}" text-anchor="middle" font-size="14" fill="${c.text}">${esc(l)}</text>`).join(""));
    }
  }

  /** Node frame and header (title wrapped); returns where the rows start. */
  const nodeBox = (n: LaidOutNode, kicker: string, title: string, accent: string): number => {
    const titleLines = wrapText(title, n.width - 40 - kicker.length * 9, SANS_CHAR + 1);
    const headerH = 22 + titleLines.length * LINE;
    out.push(`<rect x="${n.position.x}" y="${n.position.y}" width="${n.width}" height="${n.height}" rx="10" fill="${c.panel}" stroke="${accent}" stroke-width="${n.type === "pod" ? 2 : 1}"/>`);
    out.push(`<text x="${n.position.x + 12}" y="${n.position.y + 27}" fill="${accent}" font-size="12" font-weight="700">${esc(kicker.toUpperCase())}</text>`);
    out.push(lines(n.position.x + 22 + kicker.length * 9, n.position.y + 27, titleLines, `fill="${c.text}" font-weight="700" font-size="16"`));
    out.push(`<line x1="${n.position.x}" x2="${n.position.x + n.width}" y1="${n.position.y + headerH}" y2="${n.position.y + headerH}" stroke="${c.border}"/>`);
    return n.position.y + headerH + 8;
  };

  /** Rows: name, value wrapped in the value column, source letter; an override on its own line. */
  const rows = (n: LaidOutNode, top: number, items: { name: string; value: string; mono: boolean; source: keyof typeof bgOf; risk?: boolean; second?: string }[]) => {
    const nameChars = Math.max(0, ...items.map((r) => r.name.length));
    const vw = valueWidth(nameChars);
    const vx = n.position.x + 14 + nameChars * SANS_CHAR + 8;
    let y = top;
    for (const r of items) {
      const value = wrapText(r.value, vw, r.mono ? MONO_CHAR : SANS_CHAR);
      const second = r.second ? wrapText(r.second, vw, SANS_CHAR) : [];
      const h = (value.length + second.length) * LINE + 6;
      out.push(`<rect x="${n.position.x + 8}" y="${y}" width="${n.width - 16}" height="${h - 2}" rx="4" fill="${bgOf[r.source]}"/>`);
      out.push(`<text x="${n.position.x + 14}" y="${y + 16}" fill="${c.muted}">${esc(r.name)}</text>`);
      out.push(lines(vx, y + 16, value, `fill="${r.risk ? c.risk : c.text}"${r.mono ? ` font-family="${MONO}" font-size="14"` : ""}`));
      if (second.length) out.push(lines(vx, y + 16 + value.length * LINE, second, `fill="${c.muted}" font-size="13"`));
      out.push(`<circle cx="${n.position.x + n.width - 22}" cy="${y + 11}" r="9" fill="${fgOf[r.source]}"/>`);
      out.push(`<text x="${n.position.x + n.width - 22}" y="${y + 15}" text-anchor="middle" font-size="11" font-weight="700" fill="${c.panel}">${SOURCE_META[r.source].letter}</text>`);
      y += h;
    }
  };

  for (const n of nodes) {
    if (n.type === "group") continue;
    if (n.type === "volumes") {
      const fsGroup = w.pod.fields.find((f) => f.name === "fsGroup")?.value;
      const top = nodeBox(n, "volumes", `what fsGroup ${String(fsGroup ?? "")} changes`, c.border);
      rows(
        n,
        top,
        (w.volumes ?? []).map((v) => ({ name: v.name, value: `${v.type} ${v.ownership === "changed" ? "✓" : v.ownership === "unchanged" ? "—" : "?"}`, mono: false, source: "default" })),
      );
      continue;
    }
    if (n.type === "runtime") {
      const top = nodeBox(n, "runtime", `${opts.runtime === "cri-o" ? "CRI-O" : "containerd"} defaults`, c.def);
      rows(n, top, runtimeRows(opts.runtime).map((r) => ({ name: r.field, value: r.value, mono: r.field === "capabilities", source: "default" })));
      continue;
    }
    const top =
      n.type === "pod"
        ? nodeBox(n, "pod", `${w.kind} ${w.name}`, c.pod)
        : nodeBox(n, n.data.container!.type === "regular" ? "container" : n.data.container!.type, n.data.container!.name, n.data.containerIndex === opts.selected ? c.pod : c.border);
    rows(
      n,
      top,
      n.data.rows.map((r) => ({ name: r.field, value: r.value, mono: true, source: r.source, risk: r.risk !== undefined, second: r.overrides !== undefined ? overridesText(r) : undefined })),
    );
  }

  // The legend, so a picture pasted into a slide or a ticket explains itself.
  const ly = graphBottom + 10;
  out.push(`<line x1="${minX + pad}" x2="${maxX - pad}" y1="${ly}" y2="${ly}" stroke="${c.border}"/>`);
  // Sources in two columns, then the edge kinds (the graph is at least 900 wide: they fit).
  (["container", "pod", "default", "image"] as const).forEach((src, i) => {
    const x = minX + pad + (i % 2) * 440;
    const y = ly + 26 + Math.floor(i / 2) * 26;
    out.push(`<circle cx="${x + 9}" cy="${y}" r="9" fill="${fgOf[src]}"/><text x="${x + 9}" y="${y + 4}" text-anchor="middle" font-size="11" font-weight="700" fill="${c.panel}">${SOURCE_META[src].letter}</text>`);
    out.push(`<text x="${x + 24}" y="${y + 5}" fill="${c.text}" font-size="14">${esc(SOURCE_META[src].title)}</text>`);
  });
  const y2 = ly + 26 + 2 * 26;
  const kinds = [
    [c.pod, "", "inherited from the pod"],
    [c.over, ' stroke-dasharray="6 4"', "overridden by the container"],
    [c.def, ' stroke-dasharray="2 4"', "runtime defaults"],
  ] as const;
  kinds.forEach(([stroke, dash, text], i) => {
    const x = minX + pad + i * 270;
    out.push(`<path d="M ${x},${y2} h 40" stroke="${stroke}" stroke-width="1.5"${dash}/><text x="${x + 48}" y="${y2 + 5}" fill="${c.text}" font-size="14">${text}</text>`);
  });
  out.push("</svg>");
  return out.join("\n");
}

/** Rasterises an SVG string to a PNG blob at the given scale. */
export function svgToPng(svg: string, scale = 2): Promise<Blob> {
  return new Promise((resolve, reject) => {
    const m = /width="([\d.]+)" height="([\d.]+)"/.exec(svg);
    const width = m ? Number(m[1]) : 1200;
    const height = m ? Number(m[2]) : 800;
    const img = new Image();
    const url = URL.createObjectURL(new Blob([svg], { type: "image/svg+xml" }));
    img.onload = () => {
      const canvas = document.createElement("canvas");
      // Browsers cap canvas size; very large graphs are scaled down to fit.
      const s = Math.min(scale, 16000 / Math.max(width, height));
      canvas.width = Math.max(1, Math.round(width * s));
      canvas.height = Math.max(1, Math.round(height * s));
      const ctx = canvas.getContext("2d");
      if (!ctx) return reject(new Error("no 2D canvas"));
      ctx.scale(s, s);
      ctx.drawImage(img, 0, 0);
      URL.revokeObjectURL(url);
      canvas.toBlob((b) => (b ? resolve(b) : reject(new Error("the canvas gave no image"))), "image/png");
    };
    img.onerror = () => {
      URL.revokeObjectURL(url);
      reject(new Error("the SVG could not be drawn"));
    };
    img.src = url;
  });
}
