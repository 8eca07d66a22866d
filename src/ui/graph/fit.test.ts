import { describe, expect, it } from "vitest";
import { bringIntoView, fitViewport, focusCandidates, isVisible, panIntoView, union, zoomToFit, type Rect } from "./fit";

const area = { width: 900, height: 900 };
const o = { readableZoom: 14 / 15, maxZoom: 1.6, padding: 20 };

describe("fitViewport", () => {
  it("shows the whole graph, zoomed in past 100 %, when it is small", () => {
    const all: Rect = { x: 0, y: 0, width: 400, height: 300 };
    const v = fitViewport(all, [], area, o);
    expect(v.whole).toBe(true);
    expect(v.zoom).toBeGreaterThan(1);
    expect(v.zoom).toBeLessThanOrEqual(o.maxZoom);
    expect(isVisible(all, v, area, 19)).toBe(true);
  });

  it("falls back to the focus (pod + container) when the whole would be unreadable", () => {
    const all: Rect = { x: 0, y: 0, width: 2400, height: 700 };
    const podAndContainer: Rect = { x: 900, y: 0, width: 400, height: 700 };
    const v = fitViewport(all, [podAndContainer], area, o);
    expect(v.whole).toBe(false);
    expect(v.zoom).toBeGreaterThanOrEqual(o.readableZoom);
    expect(isVisible(podAndContainer, v, area, 19)).toBe(true);
  });

  it("tries each focus in turn and keeps a readable zoom when none fits, showing the top", () => {
    const all: Rect = { x: 0, y: 0, width: 3000, height: 3000 };
    const tall: Rect = { x: 100, y: 200, width: 400, height: 2000 };
    const v = fitViewport(all, [tall], area, o);
    expect(v.zoom).toBeCloseTo(o.readableZoom);
    expect(200 * v.zoom + v.y).toBeCloseTo(o.padding); // the focus's top at the padding
  });
});

describe("focusCandidates: the pod with the first containers before a lone container", () => {
  // Eight containers in two rows of four under a pod above the first; the runtime on the left.
  const pod: Rect = { x: 464, y: 0, width: 400, height: 150 };
  const runtime: Rect = { x: 0, y: 340, width: 400, height: 300 };
  const containers: Rect[] = Array.from({ length: 8 }, (_, i) => ({ x: 464 + (i % 4) * 448, y: 300 + Math.floor(i / 4) * 400, width: 400, height: 350 }));
  const candidates = focusCandidates({ pod, runtime, containers, selected: 0 });

  it("goes from the whole first row to one container, each with the pod (never a lone container)", () => {
    expect(candidates[0]).toEqual(union([pod, runtime, ...containers.slice(0, 4)]));
    expect(candidates[1]).toEqual(union([pod, ...containers.slice(0, 4)]));
    expect(candidates).toContainEqual(union([pod, containers[0], containers[1]]));
    expect(candidates.at(-1)).toEqual(union([pod, containers[0]]));
    for (const c of candidates) expect(isVisible(pod, { x: -c.x, y: -c.y, zoom: 1 }, { width: c.width, height: c.height })).toBe(true);
  });

  it.each([
    ["1920×1080", { width: 1270, height: 980 }, 3],
    ["1280×720", { width: 800, height: 600 }, 1],
  ])("at %s the first fit shows the pod above the first containers (their top at least), readable", (_s, area, shown) => {
    const all = union([pod, runtime, ...containers])!;
    const v = fitViewport(all, candidates, area, { ...o, fallback: containers[0] });
    expect(v.zoom).toBeGreaterThanOrEqual(o.readableZoom);
    expect(isVisible(pod, v, area, 1)).toBe(true);
    // Across, the first containers are whole; down, at least their top 100 units (header, first rows).
    const tops = containers.slice(0, 4).filter((c) => isVisible({ ...c, height: 100 }, v, area, 1)).map((c) => containers.indexOf(c));
    expect(tops).toEqual([...Array(shown).keys()]);
  });

  it("when even the pod and one container cannot be whole, shows them at a readable zoom from the top, not the container alone", () => {
    const area = { width: 800, height: 400 };
    const v = fitViewport(union([pod, runtime, ...containers])!, candidates, area, { ...o, fallback: containers[0] });
    expect(v.zoom).toBeCloseTo(o.readableZoom);
    expect(isVisible(pod, v, area, 1)).toBe(true);
  });

  it("takes the lone container last, when the pod cannot come along", () => {
    const v = fitViewport(union([pod, ...containers])!, [], { width: 500, height: 400 }, { ...o, fallback: containers[0] });
    expect(isVisible(containers[0], v, { width: 500, height: 400 }, 1)).toBe(true);
    expect(v.zoom).toBeGreaterThanOrEqual(o.readableZoom);
  });

  it("a pod made taller than the screen (a long supplementalGroups list) does not push the selected container out of view", () => {
    const tallPod: Rect = { x: 464, y: 0, width: 400, height: 2000 };
    const below: Rect[] = containers.map((c) => ({ ...c, y: c.y + 1850 }));
    const area = { width: 800, height: 600 };
    const cands = focusCandidates({ pod: tallPod, containers: below, selected: 0 });
    const v = fitViewport(union([tallPod, ...below])!, cands, area, { ...o, fallback: below[0] });
    expect(isVisible({ ...below[0], height: 90 }, v, area, 1)).toBe(true);
    expect(v.zoom).toBeGreaterThanOrEqual(o.readableZoom);
  });

  it("keeps the selected container in every candidate", () => {
    const cs = focusCandidates({ pod, containers, selected: 6 });
    for (const c of cs) expect(union([c, containers[6]])).toEqual(c);
  });
});

describe("bringIntoView", () => {
  const node: Rect = { x: 1000, y: 100, width: 400, height: 300 };
  it("pans when the node fits at the zoom", () => {
    const v = bringIntoView(node, { x: 0, y: 0, zoom: 1 }, { width: 500, height: 900 }, 10)!;
    expect(v.zoom).toBe(1);
    expect(isVisible(node, v, { width: 500, height: 900 }, 10)).toBe(true);
  });
  it.each([
    ["wider than the area (beside the panel)", { width: 280, height: 560 }],
    ["taller than the area (over the panel)", { width: 600, height: 250 }],
  ])("zooms out, never in, to show a node %s whole", (_s, area) => {
    const v = bringIntoView(node, { x: 0, y: 0, zoom: 0.93 }, area, 12)!;
    expect(v.zoom).toBeLessThan(0.93);
    expect(isVisible(node, v, area, 11.9)).toBe(true);
    // At the bottom: the most room above it for its pod.
    expect((node.y + node.height) * v.zoom + v.y).toBeCloseTo(area.height - 12);
  });
  it("brings its pod along when both fit at that zoom", () => {
    const pod: Rect = { x: 1000, y: -200, width: 400, height: 150 };
    const area = { width: 300, height: 700 };
    const v = bringIntoView(node, { x: 0, y: 0, zoom: 1 }, area, 12, union([pod, node]))!;
    expect(isVisible(node, v, area, 11.9)).toBe(true);
    expect(isVisible(pod, v, area, 11.9)).toBe(true);
  });
  it("leaves a node in view alone", () => {
    expect(bringIntoView(node, { x: -900, y: 0, zoom: 1 }, { width: 900, height: 900 }, 10)).toBeUndefined();
  });
});

describe("panIntoView", () => {
  const node: Rect = { x: 1000, y: 100, width: 400, height: 300 };
  it("leaves a visible node alone", () => {
    expect(panIntoView(node, { x: -900, y: 0, zoom: 1 }, area, 10)).toBeUndefined();
  });
  it("pans the least needed to show a node hidden on the right (where the panel opened)", () => {
    const v = panIntoView(node, { x: 0, y: 0, zoom: 1 }, { width: 500, height: 900 }, 10)!;
    expect(v.zoom).toBe(1);
    expect(isVisible(node, v, { width: 500, height: 900 }, 10)).toBe(true);
    expect(v.y).toBe(0);
  });
  it("shows the start of a node bigger than the area", () => {
    const v = panIntoView({ x: 0, y: 0, width: 2000, height: 100 }, { x: 300, y: 0, zoom: 1 }, area, 10)!;
    expect(v.x).toBe(10);
  });
});

describe("helpers", () => {
  it("unions rectangles and caps the zoom", () => {
    expect(union([{ x: 0, y: 0, width: 10, height: 10 }, { x: 20, y: -5, width: 5, height: 5 }])).toEqual({ x: 0, y: -5, width: 25, height: 15 });
    expect(union([])).toBeUndefined();
    expect(zoomToFit({ x: 0, y: 0, width: 10, height: 10 }, area, o)).toBe(o.maxZoom);
  });
});
