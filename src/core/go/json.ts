// Go's encoding/json, as far as upstream messages need it: the first syntax error checkValid
// reports (encoding/json scanner.go: the state machine, quoteChar, "unexpected end of JSON input"),
// byte for byte. The scanner works on the UTF-8 bytes, so a non-ASCII byte is quoted as the
// Latin-1 character of that byte, as Go's quoteChar(byte) does.

import { goQuote } from "./quote";

const SPACE = new Set([0x20, 0x09, 0x0d, 0x0a]);
const isDigit = (c: number) => c >= 0x30 && c <= 0x39;
const isHex = (c: number) => isDigit(c) || (c >= 0x61 && c <= 0x66) || (c >= 0x41 && c <= 0x46);

/** scanner.go quoteChar. */
export function quoteChar(c: number): string {
  if (c === 0x27) return `'\\''`;
  if (c === 0x22) return `'"'`;
  const q = goQuote(String.fromCharCode(c));
  return `'${q.slice(1, -1)}'`;
}

type Ps = "key" | "value" | "array";

/** The SyntaxError text encoding/json.Unmarshal gives for the text, or undefined when it is valid JSON. */
export function goJsonSyntaxError(text: string): string | undefined {
  const bytes = new TextEncoder().encode(text);
  const stack: Ps[] = [];
  let state: (c: number) => string | undefined;
  const err = (c: number, context: string) => `invalid character ${quoteChar(c)} ${context}`;
  let endTop = false;

  const beginValue = (c: number): string | undefined => {
    if (SPACE.has(c)) return undefined;
    switch (c) {
      case 0x7b: // {
        stack.push("key");
        state = beginStringOrEmpty;
        return undefined;
      case 0x5b: // [
        stack.push("array");
        state = beginValueOrEmpty;
        return undefined;
      case 0x22:
        state = inString;
        return undefined;
      case 0x2d:
        state = neg;
        return undefined;
      case 0x30:
        state = zero;
        return undefined;
      case 0x74:
        state = literal("true", 1);
        return undefined;
      case 0x66:
        state = literal("false", 1);
        return undefined;
      case 0x6e:
        state = literal("null", 1);
        return undefined;
    }
    if (c >= 0x31 && c <= 0x39) {
      state = one;
      return undefined;
    }
    return err(c, "looking for beginning of value");
  };
  const beginValueOrEmpty = (c: number): string | undefined => {
    if (SPACE.has(c)) return undefined;
    if (c === 0x5d) return endValue(c);
    return beginValue(c);
  };
  const beginStringOrEmpty = (c: number): string | undefined => {
    if (SPACE.has(c)) return undefined;
    if (c === 0x7d) {
      stack[stack.length - 1] = "value";
      return endValue(c);
    }
    return beginString(c);
  };
  const beginString = (c: number): string | undefined => {
    if (SPACE.has(c)) return undefined;
    if (c === 0x22) {
      state = inString;
      return undefined;
    }
    return err(c, "looking for beginning of object key string");
  };
  const endValue = (c: number): string | undefined => {
    const n = stack.length;
    if (n === 0) {
      endTop = true;
      state = endTopState;
      return endTopState(c);
    }
    if (SPACE.has(c)) {
      state = endValue;
      return undefined;
    }
    switch (stack[n - 1]) {
      case "key":
        if (c === 0x3a) {
          stack[n - 1] = "value";
          state = beginValue;
          return undefined;
        }
        return err(c, "after object key");
      case "value":
        if (c === 0x2c) {
          stack[n - 1] = "key";
          state = beginString;
          return undefined;
        }
        if (c === 0x7d) {
          stack.pop();
          state = endValue;
          return stack.length === 0 ? ((endTop = true), (state = endTopState), undefined) : undefined;
        }
        return err(c, "after object key:value pair");
      case "array":
        if (c === 0x2c) {
          state = beginValue;
          return undefined;
        }
        if (c === 0x5d) {
          stack.pop();
          state = endValue;
          return stack.length === 0 ? ((endTop = true), (state = endTopState), undefined) : undefined;
        }
        return err(c, "after array element");
    }
  };
  const endTopState = (c: number): string | undefined => (SPACE.has(c) ? undefined : err(c, "after top-level value"));
  const inString = (c: number): string | undefined => {
    if (c === 0x22) {
      state = endValue;
      return stack.length === 0 ? ((endTop = true), (state = endTopState), undefined) : undefined;
    }
    if (c === 0x5c) {
      state = inStringEsc;
      return undefined;
    }
    if (c < 0x20) return err(c, "in string literal");
    return undefined;
  };
  const inStringEsc = (c: number): string | undefined => {
    if ([0x62, 0x66, 0x6e, 0x72, 0x74, 0x5c, 0x2f, 0x22].includes(c)) {
      state = inString;
      return undefined;
    }
    if (c === 0x75) {
      state = escU(1);
      return undefined;
    }
    return err(c, "in string escape code");
  };
  const escU = (i: number) => (c: number): string | undefined => {
    if (!isHex(c)) return err(c, "in \\u hexadecimal character escape");
    state = i === 4 ? inString : escU(i + 1);
    return undefined;
  };
  const neg = (c: number): string | undefined => {
    if (c === 0x30) {
      state = zero;
      return undefined;
    }
    if (c >= 0x31 && c <= 0x39) {
      state = one;
      return undefined;
    }
    return err(c, "in numeric literal");
  };
  const one = (c: number): string | undefined => (isDigit(c) ? undefined : zero(c));
  const zero = (c: number): string | undefined => {
    if (c === 0x2e) {
      state = dot;
      return undefined;
    }
    if (c === 0x65 || c === 0x45) {
      state = e;
      return undefined;
    }
    return endValue(c);
  };
  const dot = (c: number): string | undefined => {
    if (isDigit(c)) {
      state = dot0;
      return undefined;
    }
    return err(c, "after decimal point in numeric literal");
  };
  const dot0 = (c: number): string | undefined => {
    if (isDigit(c)) return undefined;
    if (c === 0x65 || c === 0x45) {
      state = e;
      return undefined;
    }
    return endValue(c);
  };
  const e = (c: number): string | undefined => {
    if (c === 0x2b || c === 0x2d) {
      state = eSign;
      return undefined;
    }
    return eSign(c);
  };
  const eSign = (c: number): string | undefined => {
    if (isDigit(c)) {
      state = e0;
      return undefined;
    }
    return err(c, "in exponent of numeric literal");
  };
  const e0 = (c: number): string | undefined => (isDigit(c) ? undefined : endValue(c));
  const literal = (word: string, i: number) => (c: number): string | undefined => {
    if (c !== word.charCodeAt(i)) return err(c, `in literal ${word} (expecting ${quoteChar(word.charCodeAt(i))})`);
    if (i === word.length - 1) {
      state = endValue;
      if (stack.length === 0) {
        endTop = true;
        state = endTopState;
      }
    } else state = literal(word, i + 1);
    return undefined;
  };

  state = beginValue;
  for (const c of bytes) {
    const e2 = state(c);
    if (e2) return e2;
  }
  // scanner.eof: a number at the very end is completed by one space.
  if (endTop) return undefined;
  const e3 = state(0x20);
  if (e3) return e3;
  return endTop ? undefined : "unexpected end of JSON input";
}
