/** Which tfjs backend trains, why it was chosen, and a way to switch. */
import type { SessionView } from "../../experiment/history";
import { TRAIN_SCHEMA, type TrainState } from "../../state/train";

interface BackendBadgeProps {
  view: SessionView;
  thread: "worker" | "main" | null;
  choice: TrainState["backend"];
  onChoose: (choice: TrainState["backend"]) => void;
}

export function BackendBadge({ view, thread, choice, onChoose }: BackendBadgeProps) {
  const backend = view.backend;
  const info = backend?.info;
  const renderer = info?.renderer
    ? ` · ${info.softwareRenderer ? "software " : ""}renderer: ${info.renderer}`
    : info?.threads !== undefined
      ? ` · multithreaded wasm, ${info.threads} XNNPACK thread${info.threads === 1 ? "" : "s"}`
      : info?.adapter
        ? ` · adapter: ${info.adapter}`
        : "";
  return (
    <div className="flex flex-wrap items-center gap-x-3 gap-y-1 text-sm">
      <span className="text-[var(--muted)]">Backend</span>
      <span
        data-testid="backend-badge"
        data-backend={backend?.name ?? ""}
        className="rounded-full bg-[var(--accent)] px-2.5 py-0.5 font-mono text-xs font-semibold text-[var(--on-accent)]"
      >
        {backend ? backend.name : "…"}
      </span>
      <label className="flex items-center gap-1">
        <span className="sr-only">Choose the backend</span>
        <select
          aria-label="Backend"
          value={choice}
          onChange={(e) => onChoose(e.target.value as TrainState["backend"])}
          className="rounded border border-[var(--grid)] bg-[var(--panel)] px-2 py-0.5 text-xs"
        >
          {TRAIN_SCHEMA.backend.values.map((v) => (
            <option key={v} value={v}>
              {v === "auto" ? "auto (fastest here)" : v}
            </option>
          ))}
        </select>
      </label>
      <span
        className="basis-full text-xs text-[var(--muted)]"
        data-testid="backend-reason"
        data-evaluations={backend?.evaluations ?? ""}
      >
        {backend
          ? `${backend.reason}${renderer}. Training runs ${thread === "main" ? "on this page (no worker)" : "in a background worker"}${backend.evaluations === "second worker" ? "; held-out evaluations in a second one, while training goes on" : ""}.`
          : "Choosing a backend…"}
      </span>
    </div>
  );
}
