// The playground's shell: it lays out the views. The document, the settings, the selection and the
// analysis live in the store (state/store.ts); the views read it and dispatch actions to it.
import { memo } from "react";
import { Presentation } from "./Presentation";
import { LessonGallery } from "./lessons/LessonGallery";
import { Banners } from "./layout/Banners";
import { Toolbar } from "./layout/Toolbar";
import { Workspace } from "./layout/Workspace";
import { UpdateNotice } from "./UpdateNotice";
import { openLesson } from "./state/commands";
import { actions, useApp } from "./state/store";
import { useAnalysisRunner } from "./state/useAnalysis";
import { useDetailsLoader } from "./state/workloads";

/** Keeps the analysis in step with the text. Its own component: a keystroke re-renders only this. */
function Runners() {
  useAnalysisRunner();
  useDetailsLoader();
  return null;
}

export function App() {
  const presenting = useApp((s) => s.view.presenting);
  const galleryOpen = useApp((s) => s.view.galleryOpen);
  const large = useApp((s) => s.view.textSize === "large");
  // Runners stay at one place in the tree, so entering or leaving presentation keeps the worker; the
  // presentation replaces the screen while the text and the selection stay in the store.
  return (
    <>
      <Runners />
      {presenting ? <Presentation /> : <Playground galleryOpen={galleryOpen} large={large} />}
    </>
  );
}

/** Memoised: a new analysis re-renders only the views that read it, not the whole page. */
const Playground = memo(function Playground({ galleryOpen, large }: { galleryOpen: boolean; large: boolean }) {
  return (
    <div className={`app${large ? " text-large" : ""}`}>
      <Toolbar />
      <UpdateNotice />
      {galleryOpen && <LessonGallery onOpen={openLesson} onClose={() => actions().setView({ galleryOpen: false })} />}
      <Banners />
      <main className="workspace">
        <Workspace />
      </main>
    </div>
  );
});
