// The open lesson: its text and "try this" steps, each ticked when the analysis shows its outcome.
import type { Analysis } from "../../core/types";
import type { Lesson, LessonStep } from "./lessons";

interface Props {
  lesson: Lesson;
  analysis: Analysis | null;
  onDo(step: LessonStep): void;
  onClose(): void;
}

export function LessonPane({ lesson, analysis, onDo, onClose }: Props) {
  return (
    <section className="lesson" aria-label={`Lesson: ${lesson.title}`} data-testid="lesson">
      <header>
        <h2>{lesson.title}</h2>
        <button className="icon-button" onClick={onClose} aria-label="Close lesson" title="Close lesson">
          ×
        </button>
      </header>
      {lesson.body.map((p, i) => (
        <p key={i}>{p}</p>
      ))}
      <h3>Try this</h3>
      <ol className="steps">
        {lesson.steps.map((s, i) => {
          const done = analysis ? s.done(analysis) : false;
          return (
            <li key={i} className={done ? "done" : ""} data-done={done}>
              <span className="tick" aria-label={done ? "done" : "not done yet"}>
                {done ? "✓" : "○"}
              </span>
              <div>
                <div>{s.say}</div>
                <div className="outcome">{done ? s.outcome : ""}</div>
                {(s.edit || s.imageUser) && !done && (
                  <button className="fix-button" onClick={() => onDo(s)}>
                    Do it for me
                  </button>
                )}
              </div>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
