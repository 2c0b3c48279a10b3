/** The few things an embed shows around its chart: problems with its link, and a way out. */
import { useState } from "react";
import { describeIssue } from "../../components/paramNoticeText";
import type { ParamIssue } from "../../state/schema";

/** Settings that could not be used as given; the chart is still shown. Values are text only. */
export function EmbedNotice({ issues }: { issues: readonly ParamIssue[] }) {
  const [open, setOpen] = useState(true);
  if (!open || issues.length === 0) return null;
  return (
    <div
      role="status"
      data-testid="embed-notice"
      className="mx-2 mt-2 flex items-start gap-2 rounded-md notice-warn p-2 text-xs"
    >
      <ul className="flex-1">
        {issues.map((issue) => (
          <li key={issue.name}>{describeIssue(issue)}</li>
        ))}
      </ul>
      <button
        type="button"
        onClick={() => setOpen(false)}
        aria-label="Dismiss notice"
        className="rounded px-1 font-semibold hover:bg-[var(--grid)]"
      >
        ×
      </button>
    </div>
  );
}

/** Why nothing is drawn: never a blank frame. */
export function EmbedMessage({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <div
      role="alert"
      data-testid="embed-message"
      className="m-2 rounded-md notice-warn p-3 text-sm"
    >
      <p className="font-semibold">{title}</p>
      <div className="mt-1 text-[var(--muted)]">{children}</div>
    </div>
  );
}

/**
 * A link to the same chart in the full explainer, in the state the reader sees, and (for the
 * explainer's charts) one to present it full-screen in a lecture hall.
 */
export function EmbedFooter({ href, presentHref }: { href: string; presentHref?: string }) {
  return (
    <p className="flex justify-end gap-4 px-2 pb-2 text-xs text-[var(--muted)] sm:px-3">
      {presentHref && (
        <a
          href={presentHref}
          target="_blank"
          rel="noopener"
          className="underline hover:text-[var(--accent)]"
        >
          Present full screen ↗
        </a>
      )}
      <a
        href={href}
        target="_blank"
        rel="noopener"
        className="underline hover:text-[var(--accent)]"
      >
        Focal Loss Explorer ↗
      </a>
    </p>
  );
}
