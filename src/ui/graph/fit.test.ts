import { describe, expect, it } from "vitest";
import { fitViewport, isVisible, panIntoView, union, zoomToFit, type Rect } from "./fit";

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
