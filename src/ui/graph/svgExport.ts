// The graph as a standalone SVG, drawn from the same layout the screen uses (not a DOM snapshot,
// which is slow and drags the page's styles along). The PNG is this SVG rasterised on a canvas.

import type { Runtime, Workload } from "../../core/types";
import { layoutWorkload, NODE_WIDTH, type LaidOutNode } from "./model";
import { SOURCE_META } from "../sources";
import { xmlText } from "../../core/report/xml";

const ROW = 22;
const HEADER = 48;

const COLORS = {
  light: { bg: "#f7f8fa", panel: "#ffffff", text: "#1c2430", muted: "#5b6675", border: "#d6dbe3", container: "#1f7a4d", containerBg: "#e3f4ea", pod: "#2457c5", podBg: "#e4ecfb", def: "#6b7280", defBg: "#eef0f3", image: "#9a5b00", imageBg: "#fbefdc", over: "#a15c00", risk: "#b54708" },
  dark: { bg: "#12161c", panel: "#1b2129", text: "#e6e9ef", muted: "#9aa4b2", border: "#323b47", container: "#4cc38a", containerBg: "#163326", pod: "#7aa2ff", podBg: "#1b2a4a", def: "#9aa4b2", defBg: "#262d37", image: "#f0b45a", imageBg: "#3a2c14", over: "#f0b45a", risk: "#f0b45a" },
};

// XML-safe: a control character in a value made the export ill-formed (and the PNG, drawn from it, fail).
const esc = xmlText;
/** At most n characters, never cutting a surrogate pair in half. */
const clip = (s: string, n: number) => {
  if (s.length <= n) return s;
  const cut = /[\ud800-\udbff]/.test(s[n - 2]) ? n - 2 : n - 1;
  return `${s.slice(0, cut)}…`;
};

export function graphSvg(w: Workload, opts: { runtime: Runtime; allFields: boolean; selected?: number; theme: "light" | "dark" }): string {
  const c = COLORS[opts.theme];
  const { nodes, edges } = layoutWorkload(w, { allFields: opts.allFields, stale: false, runtime: opts.runtime, selected: opts.selected });
  const pad = 24;
  const minX = Math.min(...nodes.map((n) => n.position.x)) - pad;
  const minY = Math.min(...nodes.map((n) => n.position.y)) - pad;
  const maxX = Math.max(...nodes.map((n) => n.position.x + n.width)) + pad;
  const maxY = Math.max(...nodes.map((n) => n.position.y + n.height)) + pad;
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const bgOf = { container: c.containerBg, pod: c.podBg, default: c.panel, image: c.imageBg } as const;
  const fgOf = { container: c.container, pod: c.pod, default: c.def, image: c.image } as const;

  const out: string[] = [];
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${maxX - minX}" height="${maxY - minY}" viewBox="${minX} ${minY} ${maxX - minX} ${maxY - minY}" font-family="system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif" font-size="12">`,
    `<title>${esc(`${w.kind} ${w.name}: pod → container security settings`)}</title>`,
    `<rect x="${minX}" y="${minY}" width="${maxX - minX}" height="${maxY - minY}" fill="${c.bg}"/>`,
  );

  for (const n of nodes.filter((n) => n.type === "group")) {
    out.push(`<rect x="${n.position.x}" y="${n.position.y}" width="${n.width}" height="${n.height}" rx="14" fill="none" stroke="${c.border}" stroke-dasharray="5 4"/>`);
    out.push(`<text x="${n.position.x + 16}" y="${n.position.y + 22}" fill="${c.muted}" font-weight="600">${esc(`${n.data.title} (${n.data.count})`)}</text>`);
  }

  for (const e of edges) {
    const s = byId.get(e.source);
    const t = byId.get(e.target);
    if (!s || !t) continue;
    const handles = s.data.handles ?? [];
    const hi = e.sourceHandle ? handles.indexOf(e.sourceHandle) : -1;
    const side = t.type === "volumes"; // drawn from the pod's left side to the volumes' right side
    const sx = side ? s.position.x : s.position.x + (hi >= 0 ? ((hi + 1) / (handles.length + 1)) * s.width : s.width / 2);
    const sy = side ? s.position.y + s.height / 2 : s.position.y + s.height;
    const tx = side ? t.position.x + t.width : t.position.x + (e.targetHandle === "defaults" ? t.width * 0.88 : t.width / 2);
    const ty = side ? t.position.y + t.height / 2 : t.position.y;
    const my = (ty - sy) / 2;
    const stroke = e.kind === "overrides" ? c.over : e.kind === "defaults" ? c.def : c.pod;
    const dash = e.kind === "overrides" ? ' stroke-dasharray="6 4"' : e.kind === "defaults" ? ' stroke-dasharray="2 4" opacity="0.6"' : "";
    out.push(`<path d="M ${sx},${sy} C ${sx},${sy + my} ${tx},${ty - my} ${tx},${ty}" fill="none" stroke="${stroke}" stroke-width="1.5"${dash}/>`);
    if (e.label) {
      const u = 1 - e.labelAt;
      const k = e.labelAt;
      const lx = u ** 3 * sx + 3 * u * u * k * sx + 3 * u * k * k * tx + k ** 3 * tx;
      const ly = u ** 3 * sy + 3 * u * u * k * (sy + my) + 3 * u * k * k * (ty - my) + k ** 3 * ty;
      const label = clip(e.label, 44);
      const wdt = label.length * 6 + 10;
      out.push(`<rect x="${lx - wdt / 2}" y="${ly - 9}" width="${wdt}" height="18" rx="4" fill="${c.panel}" stroke="${e.kind === "overrides" ? c.over : c.border}"/>`);
      out.push(`<text x="${lx}" y="${ly + 4}" text-anchor="middle" font-size="11" fill="${c.text}">${esc(label)}</text>`);
    }
  }

  const nodeBox = (n: LaidOutNode, kicker: string, title: string, accent: string) => {
    out.push(`<rect x="${n.position.x}" y="${n.position.y}" width="${NODE_WIDTH}" height="${n.height}" rx="10" fill="${c.panel}" stroke="${accent}" stroke-width="${n.type === "pod" ? 2 : 1}"/>`);
    out.push(`<text x="${n.position.x + 10}" y="${n.position.y + 22}" fill="${accent}" font-size="10" font-weight="700">${esc(kicker.toUpperCase())}</text>`);
    out.push(`<text x="${n.position.x + 16 + kicker.length * 7}" y="${n.position.y + 22}" fill="${c.text}" font-weight="700">${esc(clip(title, 34))}</text>`);
    out.push(`<line x1="${n.position.x}" x2="${n.position.x + NODE_WIDTH}" y1="${n.position.y + 32}" y2="${n.position.y + 32}" stroke="${c.border}"/>`);
  };

  for (const n of nodes) {
    if (n.type === "group") continue;
    const x = n.position.x;
    if (n.type === "volumes") {
      nodeBox(n, "volumes", "what fsGroup changes", c.border);
      (w.volumes ?? []).forEach((v, i) => {
        const y = n.position.y + HEADER + 8 + i * ROW;
        const mark = v.ownership === "changed" ? "✓" : v.ownership === "unchanged" ? "—" : "?";
        out.push(`<text x="${x + 12}" y="${y}" fill="${c.text}">${esc(clip(`${mark} ${v.name} (${v.type})`, 44))}</text>`);
      });
      continue;
    }
    if (n.type === "runtime") {
      nodeBox(n, "runtime", `${opts.runtime === "cri-o" ? "CRI-O" : "containerd"} defaults`, c.def);
      out.push(`<text x="${x + 10}" y="${n.position.y + HEADER + 8}" fill="${c.muted}">capabilities, seccomp, AppArmor, /proc masks</text>`);
      continue;
    }
    if (n.type === "pod") nodeBox(n, "pod", `${w.kind} ${w.name}`, c.pod);
    else nodeBox(n, n.data.container!.type === "regular" ? "container" : n.data.container!.type, n.data.container!.name, n.data.containerIndex === opts.selected ? c.pod : c.border);
    n.data.rows.forEach((r, i) => {
      const y = n.position.y + HEADER - 6 + i * ROW;
      out.push(`<rect x="${x + 6}" y="${y}" width="${NODE_WIDTH - 12}" height="${ROW - 2}" rx="4" fill="${bgOf[r.source]}"/>`);
      out.push(`<text x="${x + 12}" y="${y + 14}" fill="${c.muted}">${esc(r.field)}</text>`);
      const value = r.overrides !== undefined ? `${r.value} (overrides pod ${r.overrides})` : r.value;
      out.push(`<text x="${x + 176}" y="${y + 14}" fill="${r.risk ? c.risk : c.text}" font-family="ui-monospace, Menlo, Consolas, monospace" font-size="11">${esc(clip(value, 20))}</text>`);
      out.push(`<circle cx="${x + NODE_WIDTH - 18}" cy="${y + 10}" r="8" fill="${fgOf[r.source]}"/>`);
      out.push(`<text x="${x + NODE_WIDTH - 18}" y="${y + 14}" text-anchor="middle" font-size="10" font-weight="700" fill="${c.panel}">${SOURCE_META[r.source].letter}</text>`);
    });
  }
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
