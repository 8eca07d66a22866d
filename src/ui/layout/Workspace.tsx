// The panes: (the open lesson |) the editor over Problems | the graph, each border draggable with the
// mouse or the keyboard (react-resizable-panels), the sizes remembered per deployment path. A lesson
// gets its own column, so its steps, the editor line they name and the graph are on screen together;
// the graph keeps half the width, as the container panel opens beside it.
import { useMemo } from "react";
import { Group, Panel, Separator, useDefaultLayout } from "react-resizable-panels";
import { paneStorage } from "../state/persistence";
import { pageEnv } from "../state/boot";
import { useApp } from "../state/store";
import { EditorView } from "../views/EditorView";
import { GraphView } from "../views/GraphView";
import { CompareView, LessonView, ProblemsView } from "../views/SideViews";

function Handle({ label, vertical = false }: { label: string; vertical?: boolean }) {
  return <Separator className={`pane-handle${vertical ? " pane-handle-v" : ""}`} aria-label={label} />;
}

export function Workspace() {
  const lessonOpen = useApp((s) => s.view.lessonId !== undefined);
  const storage = useMemo(() => paneStorage(pageEnv()), []);
  const columns = useDefaultLayout({ id: lessonOpen ? "columns-lesson" : "columns", storage, onlySaveAfterUserInteractions: true });
  const left = useDefaultLayout({ id: "editor-problems", storage, onlySaveAfterUserInteractions: true });
  return (
    <Group
      key={lessonOpen ? "lesson" : "plain"}
      className="workspace-panes"
      orientation="horizontal"
      defaultLayout={columns.defaultLayout}
      onLayoutChanged={columns.onLayoutChanged}
    >
      {lessonOpen && (
        <>
          <Panel id="lesson-column" defaultSize="22%" minSize="220px" className="pane lesson-pane">
            <LessonView />
          </Panel>
          <Handle label="Resize the lesson and the editor" />
        </>
      )}
      <Panel id="left" defaultSize={lessonOpen ? "28%" : "36%"} minSize="240px" className="pane">
        <section className="left" aria-label="Manifest">
          <Group orientation="vertical" defaultLayout={left.defaultLayout} onLayoutChanged={left.onLayoutChanged}>
            <Panel id="editor" minSize="120px" className="pane">
              <EditorView />
            </Panel>
            <Handle label="Resize the editor and the problems" vertical />
            <Panel id="below" defaultSize="24%" minSize="48px" className="pane below-editor">
              <ProblemsView />
            </Panel>
          </Group>
        </section>
      </Panel>
      <Handle label="Resize the editor and the graph" />
      <Panel id="right" minSize="360px" className="pane">
        <GraphView />
        <CompareView />
      </Panel>
    </Group>
  );
}
