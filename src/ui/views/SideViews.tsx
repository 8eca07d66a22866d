// The views under the editor: the open lesson, the compare view and the Problems list.
import { useCallback, useMemo } from "react";
import { problemsOf } from "../problemsModel";
import type { Diagnostic } from "../../core/types";
import { Compare } from "../Compare";
import { ErrorBoundary } from "../ErrorBoundary";
import { LessonPane } from "../lessons/LessonPane";
import { lessonById } from "../lessons/lessons";
import { Problems } from "../Problems";
import { editorCommands } from "../state/editorBridge";
import { actions, appStore, useApp } from "../state/store";

const NO_DIAGNOSTICS: Diagnostic[] = [];

export function LessonView() {
  const lessonId = useApp((s) => s.view.lessonId);
  const analysis = useApp((s) => s.result.analysis);
  const lesson = lessonById(lessonId);
  if (!lesson) return null;
  return (
    <ErrorBoundary name="lesson">
      <LessonPane lesson={lesson} analysis={analysis} onClose={() => actions().setView({ lessonId: undefined })} />
    </ErrorBoundary>
  );
}

export function CompareView() {
  const baseline = useApp((s) => s.view.baseline);
  const analysis = useApp((s) => s.result.analysis);
  if (!baseline) return null;
  return (
    <ErrorBoundary name="compare view">
      <Compare baseline={baseline} current={analysis} onClose={() => actions().setView({ baseline: null })} />
    </ErrorBoundary>
  );
}

export function ProblemsView() {
  const analysis = useApp((s) => s.result.analysis);
  // One list: validation, startup and Pod Security problems (the same the editor underlines).
  const diagnostics = useMemo(() => (analysis ? problemsOf(analysis) : NO_DIAGNOSTICS), [analysis]);
  const onReveal = useCallback((d: Diagnostic) => editorCommands.reveal(d.line, d.column, d.endLine, d.endColumn), []);
  return (
    <ErrorBoundary name="problems list">
      <Problems diagnostics={diagnostics} onReveal={onReveal} />
    </ErrorBoundary>
  );
}
