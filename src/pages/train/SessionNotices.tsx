/**
 * What the training page has to tell: fallbacks and recoveries (each once) and an error that
 * stopped training, with a reload when nothing else can help. The live region exists before any
 * message is inserted, so screen readers announce each one, politely.
 */

interface SessionNoticesProps {
  notices: readonly string[];
  error: string | null;
  /** Offer a reload: no session can train until the page is loaded afresh. */
  reload: boolean;
  /** Offer to try again without a reload (the session could not start: e.g. offline). */
  onRetry?: () => void;
}

export function SessionNotices({ notices, error, reload, onRetry }: SessionNoticesProps) {
  const unique = [...new Set(notices)];
  return (
    <div
      aria-live="polite"
      className="flex flex-col gap-2 [&:not(:empty)]:mt-4"
      data-testid="notices"
    >
      {unique.map((n) => (
        <p key={n} className="notice-warn rounded-lg p-3 text-sm" data-testid="session-notice">
          {n}
        </p>
      ))}
      {error && (
        <div
          className="notice-error flex flex-wrap items-center gap-3 rounded-lg p-3 text-sm"
          data-testid="session-error"
        >
          <p className="flex-1">{error}</p>
          {onRetry && (
            <button
              type="button"
              onClick={onRetry}
              className="rounded-md border border-current px-3 py-1 font-semibold"
            >
              Try again
            </button>
          )}
          {reload && (
            <button
              type="button"
              onClick={() => window.location.reload()}
              className="rounded-md border border-current px-3 py-1 font-medium"
            >
              Reload the page
            </button>
          )}
        </div>
      )}
    </div>
  );
}
