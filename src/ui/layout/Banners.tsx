// Messages about the text itself: what replaced it (with the way back), another tab's save, a save
// that failed, and one-off notices.
import { actions, useApp } from "../state/store";
import { persistence } from "../state/boot";

export function Banners() {
  const previous = useApp((s) => s.doc.previous);
  const notice = useApp((s) => s.view.notice);
  const conflict = useApp((s) => s.view.conflict);
  const saveFailed = useApp((s) => s.view.saveFailed && !s.view.saveFailedSeen);
  const { restorePrevious, dismissPrevious, notify, setView } = actions();
  return (
    <div className="banners">
      {previous && (
        <div className="banner" role="status" data-testid="previous-text">
          Opened {previous.replacedBy}. Your previous text is kept:{" "}
          <button className="link" onClick={restorePrevious}>
            restore your previous text
          </button>{" "}
          <button className="link" onClick={dismissPrevious} aria-label="Dismiss: forget the previous text">
            dismiss
          </button>
        </div>
      )}
      {conflict && (
        <div className="banner warn" role="alert" data-testid="tab-conflict">
          Another tab of this playground saved a different text. Nothing is overwritten until you choose:{" "}
          <button className="link" onClick={() => persistence()?.keepMine()}>
            keep this tab's text
          </button>{" "}
          or{" "}
          <button className="link" onClick={() => persistence()?.takeTheirs()}>
            open the other tab's text
          </button>
        </div>
      )}
      {saveFailed && (
        <div className="banner error" role="alert" data-testid="save-failed">
          Your text could not be saved in this browser (its storage is full or blocked). It stays in this tab while it is open: to keep it, copy it out of the editor or use Export.{" "}
          <button className="link" onClick={() => setView({ saveFailedSeen: true })}>
            dismiss
          </button>
        </div>
      )}
      {notice && (
        <div className={`banner${notice.kind === "error" ? " error" : ""}`} role="status" data-testid="notice">
          {notice.text}
          {notice.copy && <input className="copy-link" readOnly value={notice.copy} aria-label="Share link" onFocus={(e) => e.currentTarget.select()} />}{" "}
          <button className="link" onClick={() => notify(null)}>
            dismiss
          </button>
        </div>
      )}
    </div>
  );
}
