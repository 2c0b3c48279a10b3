/**
 * "Use it in your code": the loss with the page's γ and α as a snippet for PyTorch, Keras, JAX
 * or TensorFlow.js, with each library's conventions and the value the snippet prints.
 */
import { useId, useMemo, useState } from "react";
import { type SnippetLibrary, snippetsFor, WORKED_EXAMPLE, workedValue } from "../content/snippets";
import { formatParam } from "../math/format";

interface CodePanelProps {
  gamma: number;
  /** null: the loss without α weighting (plain FL or CE). */
  alpha: number | null;
  /** What the settings are, e.g. "run B's loss". */
  source?: string;
}

export function CodePanel({ gamma, alpha, source }: CodePanelProps) {
  const [library, setLibrary] = useState<SnippetLibrary>("pytorch");
  const [copied, setCopied] = useState(false);
  const id = useId();
  const snippets = useMemo(() => snippetsFor(gamma, alpha), [gamma, alpha]);
  const snippet = snippets.find((s) => s.library === library) ?? snippets[0];
  if (!snippet) return null;
  const value = workedValue(gamma, alpha).toFixed(4);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(snippet.code);
      setCopied(true);
      window.setTimeout(() => setCopied(false), 1600);
    } catch {
      window.prompt("Copy the code:", snippet.code);
    }
  };
  const onTabKey = (e: React.KeyboardEvent) => {
    if (e.key !== "ArrowRight" && e.key !== "ArrowLeft") return;
    e.preventDefault();
    const i = snippets.findIndex((s) => s.library === library);
    const next =
      snippets[(i + (e.key === "ArrowRight" ? 1 : snippets.length - 1)) % snippets.length];
    if (next) {
      setLibrary(next.library);
      document.getElementById(`${id}-tab-${next.library}`)?.focus();
    }
  };
  return (
    <section
      aria-labelledby={`${id}-title`}
      data-testid="code-panel"
      className="my-8 rounded-xl border border-[var(--grid)] bg-[var(--panel)] p-3 shadow-sm sm:p-5 print:hidden"
    >
      <h2 id={`${id}-title`} className="text-lg font-semibold">
        Use it in your code
      </h2>
      <p className="mt-1 text-sm text-[var(--muted)]">
        The α-balanced focal loss with γ = {formatParam(gamma)} and{" "}
        {alpha === null ? "no α weighting" : <>α = {formatParam(alpha)}</>}
        {source ? ` (${source})` : ""}, on {WORKED_EXAMPLE.logits.length} locations of which{" "}
        {WORKED_EXAMPLE.labels.filter((y) => y === 1).length} are positives, summed and divided by
        the number of positives as in RetinaNet. Each snippet prints{" "}
        <strong data-testid="worked-value">{value}</strong>, the value this site's own math gives.
      </p>
      <div
        role="tablist"
        aria-label="Library"
        className="mt-3 flex flex-wrap gap-1"
        onKeyDown={onTabKey}
      >
        {snippets.map((s) => (
          <button
            key={s.library}
            id={`${id}-tab-${s.library}`}
            type="button"
            role="tab"
            aria-selected={s.library === library}
            aria-controls={`${id}-panel`}
            tabIndex={s.library === library ? 0 : -1}
            onClick={() => setLibrary(s.library)}
            className="rounded-md border border-[var(--grid)] px-3 py-1 text-sm aria-selected:bg-[var(--accent)] aria-selected:text-[var(--on-accent)]"
          >
            {s.label}
          </button>
        ))}
      </div>
      <div
        id={`${id}-panel`}
        role="tabpanel"
        aria-labelledby={`${id}-tab-${library}`}
        className="mt-2"
      >
        <div className="relative">
          {/* Focusable: a long line scrolls sideways, and keyboard users must reach it. */}
          <pre
            data-testid="snippet"
            data-library={library}
            tabIndex={0}
            role="region"
            aria-label={`${snippet.label} code`}
            className="max-w-full overflow-x-auto rounded-lg bg-[var(--bg)] p-3 text-xs leading-relaxed sm:text-sm"
          >
            <code>{snippet.code}</code>
          </pre>
          <button
            type="button"
            onClick={copy}
            className="absolute top-2 right-2 rounded-md border border-[var(--grid)] bg-[var(--panel)] px-2 py-0.5 text-xs"
          >
            <span aria-live="polite">{copied ? "Copied" : "Copy"}</span>
          </button>
        </div>
        <h3 className="mt-3 text-sm font-semibold">Conventions of {snippet.docs.label}</h3>
        <ul className="mt-1 list-disc pl-5 text-sm text-[var(--muted)]">
          {snippet.conventions.map((c) => (
            <li key={c}>{c}</li>
          ))}
        </ul>
        <p className="mt-2 text-sm">
          Documentation:{" "}
          <a className="text-[var(--accent)] underline" href={snippet.docs.url} rel="noreferrer">
            {snippet.docs.label}
          </a>
        </p>
      </div>
    </section>
  );
}
