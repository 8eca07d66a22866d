import { createContext } from "react";
import type { EffectiveField } from "../../core/types";

export interface GraphLinks {
  /** A row was clicked: reveal its YAML (or where it would go). Container undefined = the pod node. */
  onRow(container: number | undefined, field: EffectiveField): void;
  /** What the editor cursor is in: a container (or the pod) and maybe one of its fields. */
  cursor?: { container?: number; pod?: boolean; field?: string };
}

export const GraphContext = createContext<GraphLinks>({ onRow: () => {} });
