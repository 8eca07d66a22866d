// The analysis made on the page, for a browser that cannot start the worker (blocked by policy, or
// failing to start). Loaded only then, so the page's first script carries no analyser or YAML parser.
export { analyze } from "../core/analyze";
export { allProblems } from "./problemsMake";
export { pssFixesAt } from "./pssQuickFixes";
