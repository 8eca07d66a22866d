// Autosave of the editor text in this browser only (nothing leaves the tab).
const KEY = "scp:text:v1";

export function loadText(): string | null {
  try {
    return localStorage.getItem(KEY);
  } catch {
    return null; // storage blocked (private mode, policy): start from the example
  }
}

export function saveText(text: string): void {
  try {
    localStorage.setItem(KEY, text);
  } catch {
    // Full or blocked storage must not break editing.
  }
}
