// Autosave of the editor text and the display preferences in this browser only (nothing leaves the tab).
const TEXT_KEY = "scp:text:v1";
const PREFS_KEY = "scp:prefs:v1";

export interface Prefs {
  theme: "light" | "dark";
}

export function loadText(): string | null {
  try {
    return localStorage.getItem(TEXT_KEY);
  } catch {
    return null; // storage blocked (private mode, policy): start from the example
  }
}

/** localStorage holds a few MB and writes synchronously: a huge dump is not autosaved there. */
export const AUTOSAVE_MAX_CHARS = 1_500_000;

export function saveText(text: string): boolean {
  if (text.length > AUTOSAVE_MAX_CHARS) return false;
  try {
    localStorage.setItem(TEXT_KEY, text);
    return true;
  } catch {
    // Full or blocked storage must not break editing.
    return false;
  }
}

export function loadPrefs(): Prefs {
  let theme: Prefs["theme"] = typeof matchMedia === "function" && matchMedia("(prefers-color-scheme: dark)").matches ? "dark" : "light";
  try {
    const raw = JSON.parse(localStorage.getItem(PREFS_KEY) ?? "{}") as Partial<Prefs>;
    if (raw.theme === "dark" || raw.theme === "light") theme = raw.theme;
  } catch {
    // ignore unreadable preferences
  }
  return { theme };
}

export function savePrefs(p: Prefs): void {
  try {
    localStorage.setItem(PREFS_KEY, JSON.stringify(p));
  } catch {
    // ignore
  }
}
