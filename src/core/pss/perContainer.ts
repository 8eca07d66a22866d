// Which Pod Security violations name a given container. Pod Security Admission names containers
// in its details, quoted as Go's %q prints them (`container "app" must…`, `containers "a", "b" must…`);
// violations of the pod as a whole (host namespaces, volumes) name none and belong to the pod.

import type { PssLevel, PssViolation } from "../types";
import { goQuote } from "../go/quote";

export function violationsOfContainer(level: PssLevel, container: string): PssViolation[] {
  const quoted = goQuote(container);
  return level.violations.filter((v) => /\bcontainers? "/.test(v.detail) && v.detail.includes(quoted));
}

export function podLevelViolations(level: PssLevel): PssViolation[] {
  return level.violations.filter((v) => !/\bcontainers? "/.test(v.detail));
}
