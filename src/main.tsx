// Start fetching and compiling the editor at once, in parallel with the first render; the Editor
// component's own import() of the same module then resolves from this one.
void import("./ui/editor/monacoSetup");

import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { App } from "./ui/App";
import { bootApp } from "./ui/state/boot";
import { registerServiceWorker } from "./ui/serviceWorker";
import "@xyflow/react/dist/style.css";
import "./ui/styles.css";
import "./ui/layout/layout.css";
import "./ui/presentation.css";

// The store takes its text from a share link, this tab's copy or the autosave before the first paint.
bootApp();

createRoot(document.getElementById("root")!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);

// Offline once loaded: the built app registers a service worker that keeps its own files.
if (import.meta.env.PROD) window.addEventListener("load", registerServiceWorker);
