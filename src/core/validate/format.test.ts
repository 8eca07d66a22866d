import { describe, expect, it } from "vitest";
import { fieldError, GoRaw, goNumber, goQuote, goValue, InclusiveRangeError, RegexError, unknownField, unmarshalTypeError, utf8Length } from "./format";
import { editDistance, suggest } from "./suggest";

describe("field.Error text (apimachinery pkg/util/validation/field/errors.go, ErrorBody)", () => {
  it.each([
    // [rule, text, expected]
    ["Required with no detail prints no trailing colon", fieldError.required("spec.containers", ""), "spec.containers: Required value"],
    ["Required with a detail", fieldError.required("spec.os.name", "cannot be empty"), "spec.os.name: Required value: cannot be empty"],
    ["Forbidden", fieldError.forbidden("spec.hostPID", "cannot be set for a windows pod"), "spec.hostPID: Forbidden: cannot be set for a windows pod"],
    ["Invalid: int64 printed with %v", fieldError.invalid("a.runAsUser", -1, InclusiveRangeError(0, 2147483647)), "a.runAsUser: Invalid value: -1: must be between 0 and 2147483647, inclusive"],
    ["Invalid: string printed with %q", fieldError.invalid("a.name", 'x"y', "bad"), 'a.name: Invalid value: "x\\"y": bad'],
    ["Invalid: bool printed with %v", fieldError.invalid("a.b", false, "bad"), "a.b: Invalid value: false: bad"],
    ["Invalid: a struct printed verbatim", fieldError.invalid("a", new GoRaw("core.X{}"), "bad"), "a: Invalid value: core.X{}: bad"],
    ["NotSupported quotes every supported value", fieldError.notSupported("a.p", "x", ["Always", "OnRootMismatch"]), 'a.p: Unsupported value: "x": supported values: "Always", "OnRootMismatch"'],
    ["Duplicate", fieldError.duplicate("a[1].name", "app"), 'a[1].name: Duplicate value: "app"'],
    ["NotFound", fieldError.notFound("a.target", "x"), 'a.target: Not found: "x"'],
    ["TooLong (newest wording: bytes)", fieldError.tooLong("a.p", 4095), "a.p: Too long: must have at most 4095 bytes"],
  ])("%s", (_rule, text, expected) => {
    expect(text).toBe(expected);
  });

  it("RegexError keeps upstream's double space between examples (apimachinery validation.go RegexError)", () => {
    expect(RegexError("msg", "re", "my-name", "123-abc")).toBe("msg (e.g. 'my-name',  or '123-abc', regex used for validation is 're')");
    expect(RegexError("msg", "re")).toBe("msg (regex used for validation is 're')");
  });
});

describe("Go value printing", () => {
  it.each([
    [1000, "1000"],
    [-1, "-1"],
    [1.5, "1.5"],
    [1e20, "100000000000000000000"], // encoding/json writes floats below 1e21 in full
    [1e21, "1e+21"],
    [1e-7, "1e-7"],
    [NaN, "NaN"],
    [Infinity, "+Inf"],
  ])("number %s → %s (encoding/json float formatting)", (n, s) => {
    expect(goNumber(n)).toBe(s);
  });

  it("quotes like strconv.Quote", () => {
    expect(goQuote("a\nb\t\\")).toBe('"a\\nb\\t\\\\"');
    expect(goQuote("\x01")).toBe('"\\x01"');
    expect(goQuote("é")).toBe('"é"');
    expect(goQuote("\u200b")).toBe('"\\u200b"');
    expect(goValue(null)).toBe("null");
  });

  it("counts UTF-8 bytes as Go's len()", () => {
    expect(utf8Length("aé€😀")).toBe(1 + 2 + 3 + 4);
  });
});

describe("decoding error text", () => {
  it("unknown field: sigs.k8s.io/json strict decoding, %q of the path", () => {
    expect(unknownField("spec.containers[0].securityContext.runAsUsr")).toBe('unknown field "spec.containers[0].securityContext.runAsUsr"');
  });
  it("wrong type: encoding/json UnmarshalTypeError", () => {
    expect(unmarshalTypeError("string", "SecurityContext", "spec.containers.securityContext.runAsUser", "int64")).toBe(
      "json: cannot unmarshal string into Go struct field SecurityContext.spec.containers.securityContext.runAsUser of type int64",
    );
  });
});

describe("did you mean", () => {
  it.each([
    ["runAsUsr", ["runAsUser", "runAsGroup"], "runAsUser"],
    ["runasuser", ["runAsUser", "runAsGroup"], "runAsUser"], // case-insensitive first
    ["RUNASNONROOT", ["runAsUser", "runAsNonRoot"], "runAsNonRoot"],
    ["allowPrivilegedEscalation", ["allowPrivilegeEscalation", "privileged"], "allowPrivilegeEscalation"],
    ["capability", ["capabilities", "privileged"], "capabilities"],
    ["xyz", ["runAsUser", "tty"], undefined],
    ["", ["runAsUser"], undefined],
  ])("%s → %s", (key, candidates, expected) => {
    expect(suggest(key, candidates)).toBe(expected);
  });

  it("edit distance counts a transposition once", () => {
    expect(editDistance("ab", "ba")).toBe(1);
    expect(editDistance("kitten", "sitting")).toBe(3);
  });
});
