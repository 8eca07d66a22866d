// A container named like a member of Object.prototype keeps its image user everywhere: in the
// record helpers, through a share link, and in the analysis (issue 16 item 6).

import { describe, expect, it } from "vitest";
import { analyze } from "./analyze";
import { emptyRecord, ownValue, withKey } from "./ownKeys";
import { decodeShare, encodeShare } from "../ui/share";
import { optionsOf } from "../ui/state/useAnalysis";

const NAMES = ["__proto__", "constructor", "toString", "hasOwnProperty", "valueOf", "app"];

describe("records keyed by container names", () => {
  it.each(NAMES)("%s: set, read, copied", (name) => {
    const r = withKey(withKey(emptyRecord<string>(), "other", "1"), name, "1000");
    expect(ownValue(r, name)).toBe("1000");
    expect(Object.keys(r)).toEqual(["other", name]);
    expect(ownValue(emptyRecord<string>(), name)).toBeUndefined();
    // A plain object's inherited members are not values.
    expect(ownValue({} as Record<string, string>, name)).toBeUndefined();
  });

  it.each(NAMES)("%s: through a share link and into the analysis", (name) => {
    const text = `kind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n  - {name: "${name}", image: x}\n`;
    const link = encodeShare({ text, runtime: "containerd", kubernetes: "1.35", seccompDefault: false, imageUsers: withKey(emptyRecord<string>(), name, "1000") }, "https://h/app/");
    expect(link.ok).toBe(true);
    const back = decodeShare(new URL((link as { url: string }).url).hash);
    expect(back.kind).toBe("ok");
    const users = (back as { state: { imageUsers: Record<string, string> } }).state.imageUsers;
    expect(ownValue(users, name)).toBe("1000");
    // The app's options from its settings, as the worker receives them (structured clone).
    const options = structuredClone(optionsOf({ runtime: "containerd", kubernetes: "1.35", seccompDefault: false, imageUsers: users }));
    expect(ownValue(options.imageUsers, name)).toBe(1000);
    const a = analyze(text, options);
    expect(a.workloads[0].containers[0].process?.uid).toBe(1000);
  });
});
