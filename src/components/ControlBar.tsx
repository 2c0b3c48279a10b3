/** The sticky γ / α controls that every figure follows, and the share-link button. */
import { useState } from "react";
import { formatParam } from "../lib/format";
import { EXPLAINER_SCHEMA } from "../state/explainerState";
import { ParamSlider } from "./controls/ParamSlider";
import { useExplainer } from "./explainerContext";

export function ControlBar() {
  const { state, update } = useExplainer();
  const [copied, setCopied] = useState(false);
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
      aria-label="Loss parameters"
      className="sticky top-0 z-10 border-b border-[var(--grid)] bg-[var(--panel)] print:hidden"
    >
      <div className="mx-auto grid max-w-5xl gap-x-8 gap-y-1 px-4 py-2 sm:grid-cols-[1fr_1fr_auto] sm:items-center">
        <ParamSlider
          label={<>γ focusing</>}
          name="gamma"
          value={state.gamma}
          min={EXPLAINER_SCHEMA.gamma.min}
          max={EXPLAINER_SCHEMA.gamma.max}
          step={0.01}
          format={formatParam}
          onChange={(gamma) => update({ gamma })}
          testId="gamma-slider"
        />
        <ParamSlider
          label={<>α balancing</>}
          name="alpha"
          value={state.alpha}
          min={EXPLAINER_SCHEMA.alpha.min}
          max={EXPLAINER_SCHEMA.alpha.max}
          step={0.01}
          format={formatParam}
          onChange={(alpha) => update({ alpha })}
          testId="alpha-slider"
        />
        <button
          type="button"
          onClick={copyLink}
          className="justify-self-start rounded-md border border-[var(--grid)] px-3 py-1 text-sm hover:bg-[var(--grid)]"
        >
          <span aria-live="polite">{copied ? "Link copied" : "Copy link"}</span>
        </button>
      </div>
    </section>
  );
}
