import { describe, expect, it } from "vitest";
import { analyze } from "../../core/analyze";
import { LESSONS } from "./lessons";

describe("every lesson's steps reach the outcome they promise", () => {
  it.each(LESSONS.map((l) => [l.id, l] as const))("%s", (_id, lesson) => {
    let text = lesson.manifest;
    const imageUsers: Record<string, string> = {};
    let runtime: { runtime: "containerd" | "cri-o"; runtimeVersion?: string } = { runtime: "containerd" };
    lesson.steps.forEach((step, i) => {
      if (step.edit) {
        expect(text, `step ${i + 1}: "${step.edit.find}" is in the text`).toContain(step.edit.find);
        text = text.replace(step.edit.find, step.edit.replace);
      }
      if (step.imageUser) imageUsers[step.imageUser.container] = step.imageUser.user;
      if (step.runtime) runtime = step.runtime;
      const a = analyze(text, { imageUsers, ...runtime });
      expect(step.done(a), `step ${i + 1} (${step.say}) is done after its edit`).toBe(true);
      if (i + 1 < lesson.steps.length && (lesson.steps[i + 1].edit || lesson.steps[i + 1].runtime)) {
        expect(lesson.steps[i + 1].done(a), `step ${i + 2} is not done before its edit`).toBe(false);
      }
    });
  });

  it("each lesson's manifest has no errors of its own", () => {
    for (const l of LESSONS) {
      const errors = analyze(l.manifest).diagnostics.filter((d) => d.severity === "error");
      expect(errors, l.id).toEqual([]);
    }
  });
});
