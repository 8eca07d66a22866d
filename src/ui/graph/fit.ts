// Where the graph's viewport goes: pure functions (no React Flow), so they are unit-tested.
//
// A first fit shows the whole workload when its text is then readable; when it is not, it shows
// the part that matters (the pod with as many of the first containers as fit, else the pod and the
// selected container) at a readable size, and the rest is a pan or a zoom-out away. A selection
// that leaves the visible area is brought back into it, zoomed out if it no longer fits at all.

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}
export interface Viewport {
  x: number;
  y: number;
  zoom: number;
}
export interface FitOptions {
  /** The zoom at which graph text reaches the readable on-screen size. */
  readableZoom: number;
  maxZoom: number;
  /** Screen pixels kept free around what is fitted. */
  padding: number;
}

export function union(rects: readonly Rect[]): Rect | undefined {
  if (!rects.length) return undefined;
  const x = Math.min(...rects.map((r) => r.x));
  const y = Math.min(...rects.map((r) => r.y));
  const right = Math.max(...rects.map((r) => r.x + r.width));
  const bottom = Math.max(...rects.map((r) => r.y + r.height));
  return { x, y, width: right - x, height: bottom - y };
}

/** The zoom that fits a rectangle into the area with the padding, capped at maxZoom. */
export function zoomToFit(r: Rect, area: { width: number; height: number }, o: Pick<FitOptions, "maxZoom" | "padding">): number {
  const zx = (area.width - 2 * o.padding) / Math.max(1, r.width);
  const zy = (area.height - 2 * o.padding) / Math.max(1, r.height);
  return Math.max(0.01, Math.min(o.maxZoom, zx, zy));
}

/** A viewport at `zoom` that centres `r` across, and centres it down or (if taller) shows its top. */
function place(r: Rect, area: { width: number; height: number }, zoom: number, padding: number): Viewport {
  const x = area.width / 2 - (r.x + r.width / 2) * zoom;
  const fitsDown = r.height * zoom + 2 * padding <= area.height;
  const y = fitsDown ? area.height / 2 - (r.y + r.height / 2) * zoom : padding - r.y * zoom;
  return { x, y, zoom };
}

/**
 * What a first fit tries when the whole graph is not readable, best first: the pod above the first
 * containers (the longest run of the first row, with the runtime's node beside them, then without
 * it), then the pod and the selected container. The selected container alone is not among them: it
 * loses the pod → container picture, so fitViewport takes it only as its last resort.
 */
export function focusCandidates(g: { pod?: Rect; runtime?: Rect; containers: readonly (Rect | undefined)[]; selected?: number }): Rect[] {
  const out: Rect[] = [];
  const sel = g.selected !== undefined ? g.containers[g.selected] : undefined;
  const placed = g.containers.filter((r): r is Rect => r !== undefined);
  if (!g.pod) return out;
  if (placed.length) {
    // The first row: the containers level with the topmost one, left to right.
    const top = Math.min(...placed.map((r) => r.y));
    const row = placed.filter((r) => Math.abs(r.y - top) < 1).sort((a, b) => a.x - b.x);
    for (let k = row.length; k >= 1; k--) {
      const base = [g.pod, ...row.slice(0, k), ...(sel ? [sel] : [])];
      if (g.runtime) out.push(union([...base, g.runtime])!);
      out.push(union(base)!);
    }
  }
  if (sel) out.push(union([g.pod, sel])!);
  return out;
}

/** A container node's header and first row, in graph units: what a top-shown view must reach. */
const HEADER_UNITS = 90;

/**
 * The first fit: the whole graph when it is readable; else the first `focus` (see focusCandidates)
 * seen whole at a readable zoom; else the first as wide as the area at a readable zoom with its top
 * shown (on a 720p screen: the pod and the first container's header and first rows);
 * and only then `fallback` (the selected container alone). `mustFit` (a small graph beside other
 * content): the fallback is shown whole however small.
 */
export function fitViewport(
  all: Rect,
  focus: readonly Rect[],
  area: { width: number; height: number },
  o: FitOptions & { mustFit?: boolean; fallback?: Rect },
): Viewport & { whole: boolean } {
  const zAll = zoomToFit(all, area, o);
  if (zAll >= o.readableZoom || (!focus.length && !o.fallback)) return { ...place(all, area, zAll, o.padding), whole: true };
  for (const f of focus) {
    const z = zoomToFit(f, area, o);
    // Just readable, not more: the more of the surroundings stays in view.
    if (z >= o.readableZoom) return { ...place(f, area, Math.min(z, o.readableZoom * 1.1), o.padding), whole: false };
  }
  if (!o.mustFit) {
    for (const f of focus) {
      const across = Math.min(o.maxZoom, (area.width - 2 * o.padding) / Math.max(1, f.width));
      // Shown from its top, it must still reach the selected container's header: a pod made tall by
      // a long list (thousands of supplementalGroups) would otherwise push it out of view.
      const reaches = !o.fallback || o.padding + (o.fallback.y - f.y + HEADER_UNITS) * o.readableZoom <= area.height;
      if (across >= o.readableZoom && reaches) return { ...place(f, area, o.readableZoom, o.padding), whole: false };
    }
  }
  const last = o.fallback ?? focus[focus.length - 1];
  const z = zoomToFit(last, area, o);
  if (o.mustFit || z >= o.readableZoom) return { ...place(last, area, Math.min(z, o.readableZoom * 1.1), o.padding), whole: false };
  // Too big to be readable whole: readable, its top shown.
  return { ...place(last, area, Math.min(o.maxZoom, o.readableZoom), o.padding), whole: false };
}

/** Whether a rectangle (graph units) is wholly inside the area at a viewport. */
export function isVisible(r: Rect, v: Viewport, area: { width: number; height: number }, margin = 0): boolean {
  const left = r.x * v.zoom + v.x;
  const top = r.y * v.zoom + v.y;
  return left >= margin && top >= margin && left + r.width * v.zoom <= area.width - margin && top + r.height * v.zoom <= area.height - margin;
}

/**
 * The smallest pan that brings a rectangle into view at the same zoom (its top-left first when it
 * is bigger than the area), or undefined when it is already in view.
 */
export function panIntoView(r: Rect, v: Viewport, area: { width: number; height: number }, margin: number): Viewport | undefined {
  if (isVisible(r, v, area, margin)) return undefined;
  const w = r.width * v.zoom;
  const h = r.height * v.zoom;
  let left = r.x * v.zoom + v.x;
  let top = r.y * v.zoom + v.y;
  const shift = (pos: number, size: number, room: number) => {
    if (size + 2 * margin > room) return margin - pos; // too big: show its start
    if (pos < margin) return margin - pos;
    if (pos + size > room - margin) return room - margin - (pos + size);
    return 0;
  };
  const dx = shift(left, w, area.width);
  const dy = shift(top, h, area.height);
  left += dx;
  top += dy;
  return { x: v.x + dx, y: v.y + dy, zoom: v.zoom };
}

/**
 * Keeps a rectangle wholly in view (the selected container beside or above the opened panel): the
 * smallest pan at the same zoom when it fits there, else a zoom-out that fits it (never a zoom-in).
 * `context` (its pod and it) is brought along when it fits at that zoom; when it does not, the
 * rectangle goes to the bottom of the area, so what is above it keeps the most room.
 * Undefined when the rectangle is already in view.
 */
export function bringIntoView(r: Rect, v: Viewport, area: { width: number; height: number }, margin: number, context?: Rect): Viewport | undefined {
  if (isVisible(r, v, area, margin)) return undefined;
  const zoom = Math.min(v.zoom, zoomToFit(r, area, { maxZoom: v.zoom, padding: margin }));
  const at = { ...v, zoom };
  if (context && context.width * zoom + 2 * margin <= area.width && context.height * zoom + 2 * margin <= area.height) {
    return zoom === v.zoom ? panIntoView(context, v, area, margin) : place(context, area, zoom, margin);
  }
  if (zoom === v.zoom) return panIntoView(r, v, area, margin);
  return { ...at, x: area.width / 2 - (r.x + r.width / 2) * zoom, y: area.height - margin - (r.y + r.height) * zoom };
}
