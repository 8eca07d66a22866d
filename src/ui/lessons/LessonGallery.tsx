// The gallery of lessons, as a dialog.
import { useEffect, useRef } from "react";
import { LESSONS } from "./lessons";

export function LessonGallery({ onOpen, onClose }: { onOpen(id: string): void; onClose(): void }) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const d = ref.current;
    if (d && !d.open) d.showModal();
  }, []);
  return (
    <dialog ref={ref} className="gallery" aria-label="Lessons" onClose={onClose} data-testid="lesson-gallery">
      <header>
        <h2>Lessons</h2>
        <button className="icon-button" onClick={onClose} aria-label="Close lessons">
          ×
        </button>
      </header>
      <p className="muted">Each lesson opens a manifest in the editor, explains it, and gives a few things to try.</p>
      <ul>
        {LESSONS.map((l, i) => (
          <li key={l.id}>
            <button onClick={() => onOpen(l.id)} data-lesson={l.id}>
              <span className="lesson-no">{i + 1}</span>
              <span>
                <strong>{l.title}</strong>
                <span className="muted">{l.summary}</span>
              </span>
            </button>
          </li>
        ))}
      </ul>
    </dialog>
  );
}
