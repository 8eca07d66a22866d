// Start fetching and compiling the editor at once, in parallel with the first render; the Editor
// component's own import() of the same module then resolves from this one.
void import("./ui/editor/monacoSetup");

import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { App } from "./ui/App";
import "@xyflow/react/dist/style.css";
import "./ui/styles.css";

createRoot(document.getElementById("root")!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);

// Offline once loaded: the built app registers a service worker that keeps its own files.
if (import.meta.env.PROD && "serviceWorker" in navigator && location.protocol.startsWith("http")) {
  window.addEventListener("load", () => {
    navigator.serviceWorker.register("./sw.js").catch(() => {
      // Without it the app still works online.
    });
  });
}
