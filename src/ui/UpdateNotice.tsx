// "A new version is ready — Reload": shown in every open tab when a new build's service worker
// has installed (serviceWorker.ts); reloading activates it.

import { useEffect, useState } from "react";
import { applyUpdate, onUpdateReady } from "./serviceWorker";

export function UpdateNotice() {
  const [ready, setReady] = useState(false);
  useEffect(() => onUpdateReady(setReady), []);
  if (!ready) return null;
  return (
    <div className="update-notice" role="status" data-testid="update-notice">
      A new version of the playground is ready.{" "}
      <button type="button" onClick={applyUpdate}>
        Reload
      </button>
    </div>
  );
}
