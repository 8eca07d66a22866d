import { describe, expect, it } from "vitest";
import { isDNS1123Label } from "./podSpec";
import { findingsOf, pod } from "./testHelpers";

const V = "pkg/apis/core/validation/validation.go";
const LABEL_RE =
  "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')";

function rules(text: string, minor = 37): [string, string, string, string][] {
  return findingsOf(text, minor)
    .filter((f) => !["unknown-field", "wrong-level", "wrong-type", "dropped-field"].includes(f.code))
    .map((f) => [f.severity, f.code, f.message, f.path]);
}

describe("containers (ValidatePodSpec)", () => {
  it.each([
    [`${V} validateContainers: containers required (absent)`, pod("restartPolicy: Always"), [["error", "required-value", "spec.containers: Required value", "spec"]]],
    [`${V} validateContainers: containers required (empty)`, pod("containers: []"), [["error", "required-value", "spec.containers: Required value", "spec.containers"]]],
    [`${V} validateContainers: one container passes`, pod("containers:\n- name: app\n  image: app:1"), []],
    [`${V} validateContainerCommon: name required`, pod("containers:\n- image: app:1"), [["error", "required-value", "spec.containers[0].name: Required value", "spec.containers[0]"]]],
    [`${V} validateContainerCommon: name is a DNS-1123 label`, pod("containers:\n- name: My_App\n  image: app:1"), [["error", "invalid-value", `spec.containers[0].name: Invalid value: "My_App": ${LABEL_RE}`, "spec.containers[0].name"]]],
    [`${V} validateContainerCommon: dots`, pod("containers:\n- name: my.app\n  image: app:1"), [["error", "invalid-value", 'spec.containers[0].name: Invalid value: "my.app": must not contain dots', "spec.containers[0].name"]]],
    [`${V} validateContainerCommon: image required`, pod("containers:\n- name: app"), [["error", "required-value", "spec.containers[0].image: Required value", "spec.containers[0]"]]],
    [
      `${V} validateContainers: names unique`,
      pod("containers:\n- name: app\n  image: a\n- name: app\n  image: b"),
      [["error", "duplicate-value", 'spec.containers[1].name: Duplicate value: "app"', "spec.containers[1].name"]],
    ],
    [
      `${V} validateInitContainers: unique across init and regular`,
      pod("initContainers:\n- name: app\n  image: a\ncontainers:\n- name: app\n  image: b"),
      [["error", "duplicate-value", 'spec.initContainers[0].name: Duplicate value: "app"', "spec.initContainers[0].name"]],
    ],
    [
      `${V} validateEphemeralContainers: unique across all, target must exist, no ports/probes; ValidatePodCreate: not on create`,
      pod("containers:\n- name: app\n  image: a\nephemeralContainers:\n- name: app\n  image: busybox\n  targetContainerName: web\n  ports:\n  - containerPort: 80\n  resources: {}"),
      [
        ["error", "duplicate-value", 'spec.ephemeralContainers[0].name: Duplicate value: "app"', "spec.ephemeralContainers[0].name"],
        ["error", "not-found", 'spec.ephemeralContainers[0].targetContainerName: Not found: "web"', "spec.ephemeralContainers[0].targetContainerName"],
        ["error", "forbidden", "spec.ephemeralContainers[0].ports: Forbidden: cannot be set for an Ephemeral Container", "spec.ephemeralContainers[0].ports"],
        ["warning", "forbidden", "spec.ephemeralContainers: Forbidden: cannot be set on create", "spec.ephemeralContainers"],
      ],
    ],
    [
      `${V} validateEphemeralContainers: a debug container passes (in a pod template, no create rule)`,
      "apiVersion: v1\nkind: PodTemplate\nmetadata: {name: t}\ntemplate:\n  spec:\n    containers:\n    - name: app\n      image: a\n    ephemeralContainers:\n    - name: debug\n      image: busybox\n      targetContainerName: app\n",
      [],
    ],
    [`${V} a null container decodes to an empty one`, pod("containers:\n- null"), [
      ["error", "required-value", "spec.containers[0].name: Required value", "spec.containers[0]"],
      ["error", "required-value", "spec.containers[0].image: Required value", "spec.containers[0]"],
    ]],
  ])("%s", (_rule, text, expected) => {
    expect(rules(text)).toEqual(expected);
  });

  it("IsDNS1123Label reports length and format separately", () => {
    expect(isDNS1123Label("a".repeat(64))).toEqual(["must be no more than 63 characters"]);
    expect(isDNS1123Label("app-1")).toEqual([]);
  });
});
