/** The sticky γ / α controls that every figure follows, and the share-link button. */
import { useRef, useState } from "react";
import { SchemaSlider } from "../../components/controls/SchemaSlider";
import { useExplainer } from "../../components/explainerContext";
import { EXPLAINER_SCHEMA } from "../../state/explainer";
import { useStickyScrollPadding } from "../stickyPadding";

export function ControlBar() {
  const { state, update } = useExplainer();
  const [copied, setCopied] = useState(false);
  const bar = useRef<HTMLElement>(null);
  useStickyScrollPadding(bar);
  const copyLink = async () => {
    try {
      await navigator.clipboard.writeText(window.location.href);
      setCopied(true);
      window.setTimeout(() => setCopied(false), 1600);
    } catch {
      window.prompt("Copy this link:", window.location.href);
    }
  };
  return (
    <section
      ref={bar}
      aria-label="Loss parameters"
      data-sticky-bar=""
      className="sticky top-0 z-10 border-b border-[var(--grid)] bg-[var(--panel)] print:hidden"
    >
      <div className="mx-auto grid max-w-5xl grid-cols-[minmax(0,1fr)_auto] items-center gap-x-3 gap-y-1 px-4 py-1.5 sm:grid-cols-[minmax(0,1fr)_minmax(0,1fr)_auto] sm:gap-x-8 sm:py-2">
        <SchemaSlider
          param={EXPLAINER_SCHEMA.gamma}
          label={<>γ focusing</>}
          name="gamma"
          value={state.gamma}
          onChange={(gamma) => update({ gamma })}
          testId="gamma-slider"
        />
        <SchemaSlider
          param={EXPLAINER_SCHEMA.alpha}
          label={<>α balancing</>}
          name="alpha"
          value={state.alpha}
          onChange={(alpha) => update({ alpha })}
          testId="alpha-slider"
        />
        <button
          type="button"
          onClick={copyLink}
          className="col-start-2 row-span-2 row-start-1 self-center whitespace-nowrap rounded-md border border-[var(--grid)] px-2 py-1 text-xs hover:bg-[var(--grid)] sm:col-start-3 sm:row-span-1 sm:px-3 sm:text-sm"
        >
          <span aria-live="polite">{copied ? "Link copied" : "Copy link"}</span>
        </button>
      </div>
    </section>
  );
}
