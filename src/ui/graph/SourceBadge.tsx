import type { Effective } from "../../core/types";
import { SOURCE_META } from "../sources";

export function SourceBadge({ source }: { source: Effective["source"] }) {
  const m = SOURCE_META[source];
  return (
    <span className={`source-badge source-${source}`} title={m.title} aria-label={`source: ${m.label}`}>
      {m.letter}
    </span>
  );
}
