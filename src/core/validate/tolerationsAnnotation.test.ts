import { describe, expect, it } from "vitest";
import { goJsonSyntaxError } from "../go/json";
import { findingsOf } from "./testHelpers";

// Upstream: encoding/json scanner.go (checkValid, quoteChar, eof) and decode.go (UnmarshalTypeError);
// kubernetes/kubernetes pkg/apis/core/validation/validation.go ValidateTolerationsInPodAnnotations,
// ValidateTolerations; pkg/apis/core/helper/helpers.go GetTolerationsFromPodAnnotations.

describe("encoding/json syntax errors", () => {
  it.each([
    ["[]", undefined],
    ['[{"key": "a"}]', undefined],
    ["  null  ", undefined],
    ["123", undefined],
    ["-0.5e+3", undefined],
    ["abc", "invalid character 'a' looking for beginning of value"],
    ["[1,]", "invalid character ']' looking for beginning of value"],
    ['{"a":1,}', "invalid character '}' looking for beginning of object key string"],
    ['{"a" 1}', "invalid character '1' after object key"],
    ['{"a":1 "b":2}', `invalid character '"' after object key:value pair`],
    ["[1 2]", "invalid character '2' after array element"],
    ["[1] x", "invalid character 'x' after top-level value"],
    ["[", "unexpected end of JSON input"],
    ['["a', "unexpected end of JSON input"],
    ["tru", "invalid character ' ' in literal true (expecting 'e')"],
    ["nul!", "invalid character '!' in literal null (expecting 'l')"],
    ["01", "invalid character '1' after top-level value"],
    ["1.", "invalid character ' ' after decimal point in numeric literal"],
    ["1e", "invalid character ' ' in exponent of numeric literal"],
    ["-x", "invalid character 'x' in numeric literal"],
    ['"\\q"', "invalid character 'q' in string escape code"],
    ['"\\u12g4"', "invalid character 'g' in \\u hexadecimal character escape"],
    ['"a\tb"', "invalid character '\\t' in string literal"],
    ["'a'", "invalid character '\\'' looking for beginning of value"],
    ["é", "invalid character 'Ã' looking for beginning of value"],
  ])("%j", (text, expected) => {
    expect(goJsonSyntaxError(text)).toBe(expected);
  });
});

const podWith = (value: string) => `apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n  annotations:\n    scheduler.alpha.kubernetes.io/tolerations: '${value}'\nspec:\n  containers:\n  - name: app\n    image: x\n`;
const P = "metadata.annotations.scheduler.alpha.kubernetes.io/tolerations";

describe("ValidateTolerationsInPodAnnotations", () => {
  it.each([
    ["valid", '[{"key":"a","operator":"Exists","effect":"NoSchedule"}]', []],
    ["not JSON", "[{", ['metadata.annotations: Invalid value: "scheduler.alpha.kubernetes.io/tolerations": unexpected end of JSON input']],
    ["an object, not a list", '{"key":"a"}', ['metadata.annotations: Invalid value: "scheduler.alpha.kubernetes.io/tolerations": json: cannot unmarshal object into Go value of type []core.Toleration']],
    ["a string item", '["a"]', ['metadata.annotations: Invalid value: "scheduler.alpha.kubernetes.io/tolerations": json: cannot unmarshal string into Go value of type core.Toleration']],
    ["tolerationSeconds as text", '[{"key":"a","tolerationSeconds":"5"}]', ['metadata.annotations: Invalid value: "scheduler.alpha.kubernetes.io/tolerations": json: cannot unmarshal string into Go struct field Toleration.tolerationSeconds of type int64']],
    ["case-insensitive names, operator of the wrong type", '[{"Key":"a","OPERATOR":1}]', ['metadata.annotations: Invalid value: "scheduler.alpha.kubernetes.io/tolerations": json: cannot unmarshal number into Go struct field Toleration.operator of type core.TolerationOperator']],
    ["empty key needs Exists", '[{"operator":"Equal","value":"x"}]', [`${P}[0].operator: Invalid value: "Equal": operator must be Exists when \`key\` is empty, which means "match all values and all keys"`]],
    ["tolerationSeconds needs NoExecute", '[{"key":"a","operator":"Exists","effect":"NoSchedule","tolerationSeconds":5}]', [`${P}[0].effect: Invalid value: "NoSchedule": effect must be 'NoExecute' when \`tolerationSeconds\` is set`]],
    ["Exists with a value", '[{"key":"a","operator":"Exists","value":"v"}]', [`${P}[0].operator: Invalid value: "v": value must be empty when \`operator\` is 'Exists'`]],
    ["unknown operator and effect", '[{"key":"a","operator":"In","effect":"Never"}]', [`${P}[0].operator: Unsupported value: "In": supported values: "Equal", "Exists"`, `${P}[0].effect: Unsupported value: "Never": supported values: "NoSchedule", "PreferNoSchedule", "NoExecute"`]],
    // RegexError appends "', " then " or ": Go's text has two spaces before each "or".
    ["a bad key and label value", '[{"key":"-a","value":"b c"}]', [
      `${P}[0].key: Invalid value: "-a": name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')`,
      `${P}[0].operator: Invalid value: "b c": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')`,
    ]],
  ])("%s", (_name, value, expected) => {
    expect(findingsOf(podWith(value)).filter((f) => f.severity === "error").map((f) => f.message)).toEqual(expected);
  });
});
