// The Uid/Gid fields of /proc/<pid>/status as the kernel prints them: four decimal numbers (real,
// effective, saved, filesystem; fs/proc/array.c task_state). A user *name* (an image USER such as
// "nginx") is not a number the kernel could print: the runtime resolves it through the image's
// /etc/passwd, which a manifest does not show, so the view says so instead of printing the name.

export interface ProcIds {
  /** The four fields, tab-separated, as /proc shows them ("?" for a number not known here). */
  fields: string;
  /** Why the number is unknown, when it is. */
  note?: string;
}

export function procIds(v: number | string): ProcIds {
  if (typeof v === "number" && Number.isInteger(v) && v >= 0 && v <= 0xffffffff) return { fields: `${v}\t${v}\t${v}\t${v}` };
  if (typeof v === "string" && /^\d+$/.test(v) && Number(v) <= 0xffffffff) return procIds(Number(v));
  const note =
    typeof v === "string"
      ? `the image's user "${v}" is a name: its number comes from the image's /etc/passwd, which the manifest does not show`
      : `${String(v)} is not a user id the kernel accepts (0 to 4294967295)`;
  return { fields: "?\t?\t?\t?", note };
}
