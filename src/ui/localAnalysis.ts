// The analyser on the page (analysisClient.ts): for keystrokes in a small text, and for a browser that
// cannot start the worker (blocked by policy, or failing to start). Loaded once the first analysis
// is on screen, so the page's first script carries no analyser or YAML parser.
export { Analyser } from "./analyser";
