// Concrete actions per container (catalogue.ts: what; evaluate.ts: the verdicts; probe.ts: the
// check against a real node).
export { ACTIONS, actionSpec, type ActionSpec } from "./catalogue";
export { evaluateActions, type ActionInput } from "./evaluate";
export { NODE_DEFAULTS, NODE_FACTS, resolveNode, type ResolvedNode } from "./assumptions";
export { probeScript, probeBody, parseProbe, compareProbe, type ProbeRow } from "./probe";
