// The open lesson: its text and "try this" steps, each ticked when the analysis shows its outcome.
// A tick stays once earned (later steps change the manifest on purpose), and none is given before
// the learner does something: a step to look at is ticked when they say they found it, a step to
// change something once the lesson's text or settings have changed.
import { useEffect, useMemo, useState } from "react";
import type { Analysis } from "../../core/types";
import type { Lesson, LessonStep } from "./lessons";
import { doStep, stepBlocker } from "../state/commands";
import { editorCommands } from "../state/editorBridge";
import { appStore, useApp } from "../state/store";

interface Props {
  lesson: Lesson;
  analysis: Analysis | null;
  onClose(): void;
}

const isChange = (s: LessonStep) => s.edit !== undefined || s.imageUser !== undefined;

/** The 1-based line where a step's edit would apply, if its text is there. */
function stepLine(step: LessonStep, text: string): number | undefined {
  if (!step.edit) return undefined;
  const at = text.indexOf(step.edit.find);
  if (at === -1) return undefined;
  let line = 1;
  for (let i = 0; i < at; i++) if (text.charCodeAt(i) === 10) line++;
  // The edit's first changed line, not a shared prefix line.
  return line;
}

export function LessonPane({ lesson, analysis, onClose }: Props) {
  const [earned, setEarned] = useState<{ lesson: string; done: Set<number>; seen: Set<number> }>({ lesson: lesson.id, done: new Set(), seen: new Set() });
  /** Why the last "Do it for me" could not be done, by step. */
  const [blocked, setBlocked] = useState<{ step: number; why: string } | null>(null);
  const mine = earned.lesson === lesson.id;
  const done = mine ? earned.done : new Set<number>();
  const seen = mine ? earned.seen : new Set<number>();
  const edited = useApp((s) => s.doc.edited);
  const usersSet = useApp((s) => Object.keys(s.doc.settings.imageUsers).length > 0);
  const engaged = edited || usersSet;
  const text = useApp((s) => s.doc.text);

  useEffect(() => {
    if (!analysis) return;
    const now = lesson.steps.map((s, i) => ((isChange(s) ? engaged : seen.has(i)) && s.done(analysis) ? i : -1)).filter((i) => i !== -1);
    setEarned((e) => {
      const base = e.lesson === lesson.id ? e : { lesson: lesson.id, done: new Set<number>(), seen: new Set<number>() };
      if (now.every((i) => base.done.has(i)) && e.lesson === lesson.id) return e;
      return { ...base, done: new Set([...base.done, ...now]) };
    });
  }, [analysis, lesson, engaged, seen]);

  const current = lesson.steps.findIndex((_, i) => !done.has(i));
  const currentLine = useMemo(() => (current === -1 ? undefined : stepLine(lesson.steps[current], text)), [current, lesson, text]);
  // The line the current step asks to change is scrolled into view (the focus stays where it is).
  useEffect(() => {
    if (currentLine !== undefined) editorCommands.show(currentLine);
  }, [currentLine]);

  const markSeen = (i: number) => setEarned((e) => ({ ...(e.lesson === lesson.id ? e : { lesson: lesson.id, done: new Set<number>() }), seen: new Set([...(e.lesson === lesson.id ? e.seen : []), i]) }));

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
          const line = i === current ? currentLine : undefined;
          return (
            <li key={i} className={`${ok ? "done" : ""}${i === current ? " current" : ""}`} data-done={ok}>
              <span className="tick" aria-label={ok ? "done" : "not done yet"}>
                {ok ? "✓" : "○"}
              </span>
              <div>
                <div>{s.say}</div>
                <div className="outcome">{ok ? s.outcome : ""}</div>
                {!ok && (
                  <div className="step-actions">
                    {isChange(s) ? (
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
                    ) : (
                      <button className="fix-button" onClick={() => markSeen(i)} data-testid="step-seen">
                        I found it
                      </button>
                    )}
                    {line !== undefined && (
                      <button className="link" onClick={() => editorCommands.selectLine(line)}>
                        line {line}
                      </button>
                    )}
                  </div>
                )}
                {blocked?.step === i && !ok && (
                  <p className="step-blocked" role="status">
                    {blocked.why}
                  </p>
                )}
                {!ok && seen.has(i) && !isChange(s) && analysis && !s.done(analysis) && (
                  <p className="step-blocked" role="status">
                    Not yet: the playground does not show it with the text as it is now.
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
