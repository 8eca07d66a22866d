// The playground's shell: it lays out the views. The document, the settings, the selection and the
// analysis live in the store (state/store.ts); the views read it and dispatch actions to it.
import { memo } from "react";
import { Presentation } from "./Presentation";
import { LessonGallery } from "./lessons/LessonGallery";
import { Banners } from "./layout/Banners";
import { Toolbar } from "./layout/Toolbar";
import { UpdateNotice } from "./UpdateNotice";
import { openLesson } from "./state/commands";
import { actions, useApp } from "./state/store";
import { useAnalysisRunner } from "./state/useAnalysis";
import { useActiveWorkload, useDetailsLoader } from "./state/workloads";
import { EditorView } from "./views/EditorView";
import { GraphView } from "./views/GraphView";
import { CompareView, LessonView, ProblemsView } from "./views/SideViews";

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
  const selectedContainer = useApp((s) => s.selection.container);
  const { active } = useActiveWorkload();

  // Runners stay at one place in the tree, so entering or leaving presentation keeps the worker.
  return (
    <>
      <Runners />
      {presenting && active ? (
        <Presentation workload={active.workload} startAt={selectedContainer ?? 0} onExit={() => actions().setView({ presenting: false })} />
      ) : (
        <Playground galleryOpen={galleryOpen} large={large} />
      )}
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
      <main className="workspace">
        <section className="left" aria-label="Manifest">
          <EditorView />
          <LessonView />
          <ProblemsView />
        </section>
        <div className="right-col">
          <Banners />
          <GraphView />
          <CompareView />
        </div>
      </main>
    </div>
  );
});
