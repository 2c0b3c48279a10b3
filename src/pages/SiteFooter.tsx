/**
 * The pages' footer: what is true of the whole site, and of offline use only once it is true
 * (the service worker has saved the site). A new version shows a notice with a reload button.
 */
import { offlineSentence, updateSentence } from "./offlineStatus";
import { applyUpdate, useOfflineStatus } from "./serviceWorker";

export function SiteFooter({ privacy, restartNote }: { privacy: string; restartNote?: string }) {
  const status = useOfflineStatus();
  const offline = offlineSentence(status);
  const update = updateSentence(status);
  return (
    <footer className="border-t border-[var(--grid)] py-6 text-center text-xs text-[var(--muted)]">
      <p>Focal Loss Explorer — open source; {privacy}</p>
      <p role="status" data-testid="offline-status" className="mt-1">
        {offline}
      </p>
      {update && (
        <div
          role="status"
          data-testid="update-notice"
          className="notice-warn fixed right-3 bottom-3 left-3 z-30 mx-auto flex max-w-md flex-wrap items-center justify-center gap-2 rounded-lg p-3 text-sm shadow-lg print:hidden"
        >
          <span>{update}</span>
          {status.update !== "applying" && (
            <button
              type="button"
              onClick={() =>
                status.update === "waiting" ? applyUpdate() : window.location.reload()
              }
              className="rounded-md border border-current px-2 py-0.5 font-semibold hover:bg-[var(--warn-hover)]"
            >
              Reload{restartNote ? ` (${restartNote})` : ""}
            </button>
          )}
        </div>
      )}
    </footer>
  );
}
