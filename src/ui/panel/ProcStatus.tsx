// What `grep -E '^(Uid|Gid|Groups|Cap|NoNewPrivs|Seccomp)' /proc/1/status` would print inside the
// container, line for line; each capability mask names its capabilities on hover and when opened.
import { useState } from "react";
import type { Process } from "../../core/types";
import { decodeCapHex } from "../../core/runtime/process";
import { procIds } from "../../core/report/procIds";

const CAP_ROWS = ["CapInh", "CapPrm", "CapEff", "CapBnd", "CapAmb"] as const;
const CAP_MEANING: Record<(typeof CAP_ROWS)[number], string> = {
  CapInh: "inheritable: kept across execve only with matching file capabilities",
  CapPrm: "permitted: what the process may make effective",
  CapEff: "effective: what the kernel checks right now",
  CapBnd: "bounding: the ceiling; nothing outside it can ever be gained",
  CapAmb: "ambient: kept across execve of ordinary programs by a non-root user",
};

export function ProcStatus({ process }: { process: Process }) {
  const [open, setOpen] = useState<string | null>(null);
  // A user name (image USER) is not a number /proc could show: "?" and why, not the name.
  const uid = procIds(process.uid);
  const gid = procIds(process.gid);
  return (
    <section className="proc" aria-label="/proc/1/status" data-testid="proc-status">
      <h3>
        <code>/proc/1/status</code> <span className="muted">what the kernel shows for the first process</span>
      </h3>
      <pre className="proc-block">
        <span className="proc-line">Uid:{"\t"}{uid.fields}</span>
        {uid.note && <span className="muted proc-note" data-testid="proc-uid-note">{`  # ${uid.note}`}</span>}
        {"\n"}
        <span className="proc-line">Gid:{"\t"}{gid.fields}</span>
        {gid.note && <span className="muted proc-note">{`  # ${gid.note}`}</span>}
        {"\n"}
        <span className="proc-line">Groups:{"\t"}{process.groups.join(" ")}</span>
        {"\n"}
        {CAP_ROWS.map((k) => {
          const names = decodeCapHex(process.capHex[k]);
          return (
            <span key={k}>
              <button
                className={`proc-line cap-line${open === k ? " open" : ""}`}
                title={`${CAP_MEANING[k]}\n${names.length ? names.join(", ") : "(none)"}`}
                aria-expanded={open === k}
                data-cap={k}
                onClick={() => setOpen(open === k ? null : k)}
              >
                {k}:{"\t"}
                {process.capHex[k]}
                <span className="cap-count"> ({names.length})</span>
              </button>
              {open === k && (
                <span className="cap-names" data-testid={`cap-names-${k}`}>
                  {"\n  "}
                  {names.length ? names.join(" ") : "(none)"}
                  {"\n  "}
                  <span className="muted">{CAP_MEANING[k]}</span>
                </span>
              )}
              {"\n"}
            </span>
          );
        })}
        <span className="proc-line">NoNewPrivs:{"\t"}{process.noNewPrivs ? 1 : 0}</span>
        {"\n"}
        <span className="proc-line">Seccomp:{"\t"}{process.seccomp === "filter" ? 2 : 0}</span>
      </pre>
      <dl className="proc-extra">
        <dt>Root filesystem</dt>
        <dd>{process.rootFilesystemReadOnly ? "read-only" : "writable"}</dd>
        <dt>Masked /proc paths</dt>
        <dd>{process.maskedPaths.length ? process.maskedPaths.join(" ") : "none"}</dd>
        <dt>Read-only /proc paths</dt>
        <dd>{process.readonlyPaths.length ? process.readonlyPaths.join(" ") : "none"}</dd>
      </dl>
    </section>
  );
}
