/**
 * The notice for link parameters that could not be used as given (clamped, rounded, reset,
 * repeated). The live region exists before the message is inserted, so screen readers announce
 * it; raw values are rendered as text only.
 */
import { useEffect, useState } from "react";
import type { ParamIssue } from "../state/schema";
import { describeIssue } from "./paramNoticeText";

export function ParamNotice({
  issues,
  onDismiss,
}: {
  issues: readonly ParamIssue[];
  onDismiss: () => void;
}) {
  const [ready, setReady] = useState(false);
  useEffect(() => setReady(true), []);
  const show = ready && issues.length > 0;
  return (
    <div role="status" aria-live="polite" className="mx-auto max-w-5xl px-4">
      {show && (
        <div
          data-testid="param-notice"
          className="mt-3 flex items-start gap-3 notice-warn rounded-lg p-3 text-sm"
        >
          <div className="flex-1">
            <p className="font-semibold">Some settings in this link could not be used as given.</p>
            <ul className="mt-1 list-disc pl-5">
              {issues.map((issue) => (
                <li key={issue.name}>{describeIssue(issue)}</li>
              ))}
            </ul>
          </div>
          <button
            type="button"
            onClick={onDismiss}
            className="rounded px-2 py-1 font-medium hover:bg-[var(--warn-hover)]"
            aria-label="Dismiss notice"
          >
            Dismiss
          </button>
        </div>
      )}
    </div>
  );
}
