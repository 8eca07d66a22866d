// The open lesson: its text and "try this" steps, each ticked when the analysis shows its outcome.
// A tick stays once earned: later steps change the manifest on purpose.
import { useEffect, useState } from "react";
import type { Analysis } from "../../core/types";
import type { Lesson } from "./lessons";
import { doStep, stepBlocker } from "../state/commands";
import { appStore } from "../state/store";

interface Props {
  lesson: Lesson;
  analysis: Analysis | null;
  onClose(): void;
}

export function LessonPane({ lesson, analysis, onClose }: Props) {
  /** Why the last "Do it for me" could not be done, by step. */
  const [blocked, setBlocked] = useState<{ step: number; why: string } | null>(null);
  const [earned, setEarned] = useState<{ lesson: string; done: Set<number> }>({ lesson: lesson.id, done: new Set() });
  const done = earned.lesson === lesson.id ? earned.done : new Set<number>();
  useEffect(() => {
    if (!analysis) return;
    const now = lesson.steps.map((s, i) => (s.done(analysis) ? i : -1)).filter((i) => i !== -1);
    setEarned((e) => {
      const base = e.lesson === lesson.id ? e.done : new Set<number>();
      if (now.every((i) => base.has(i)) && e.lesson === lesson.id) return e;
      return { lesson: lesson.id, done: new Set([...base, ...now]) };
    });
  }, [analysis, lesson]);
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
          const ok = done.has(i);
          return (
            <li key={i} className={ok ? "done" : ""} data-done={ok}>
              <span className="tick" aria-label={ok ? "done" : "not done yet"}>
                {ok ? "✓" : "○"}
              </span>
              <div>
                <div>{s.say}</div>
                <div className="outcome">{ok ? s.outcome : ""}</div>
                {(s.edit || s.imageUser) && !ok && (
                  <button
                    className="fix-button"
                    onClick={() => {
                      const why = stepBlocker(s, appStore.getState().doc.text);
                      setBlocked(why ? { step: i, why } : null);
                      if (!why) doStep(s);
                    }}
                  >
                    Do it for me
                  </button>
                )}
                {blocked?.step === i && !ok && (
                  <p className="step-blocked" role="status">
                    {blocked.why}
                  </p>
                )}
              </div>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
