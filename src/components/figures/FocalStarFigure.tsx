import { useMemo } from "react";
import { PAPER_FL_STAR_SETTINGS } from "../../content/paper";
import { formatParam, formatValue } from "../../math/format";
import {
  gradientAtXt,
  lossAtXt,
  XT_GRADIENT_RANGE,
  XT_LOSS_RANGE,
  xtGradientCurve,
  xtLossCurve,
} from "../../math/xtCurves";
import { EXPLAINER_SCHEMA } from "../../state/explainer";
import { Legend } from "../charts/Legend";
import { LineChart, type Series } from "../charts/LineChart";
import { COLORS } from "../charts/palette";
import { SchemaSlider } from "../controls/SchemaSlider";
import { emphasisFor, useExplainer } from "../explainerContext";
import { Figure } from "../Figure";
import {
  focalStarCaption,
  focalStarRows,
  focalStarTable,
  xtGradientDomain,
  xtLosses,
} from "./focalStarText";

const LOSS_Y = [0, 5] as const;

/** Figure 6: FL* (the paper's appendix A) against CE and FL, loss and derivative against x_t. */
export function FocalStarFigure() {
  const { state, update, highlight } = useExplainer();
  const { gamma, starGamma, starBeta } = state;
  const { loss, gradient } = useMemo(() => {
    const l = xtLosses(gamma, starGamma, starBeta);
    const curves = [
      // CE dotted, FL solid, FL* dashed: told apart without colour, as in figure 1.
      { id: "ce", label: "CE", of: l.ce, color: COLORS.ce, dash: "2 3", terms: ["ce"] as const },
      {
        id: "fl",
        label: `FL γ = ${formatParam(gamma)}`,
        of: l.fl,
        color: COLORS.fl,
        terms: ["mod", "gamma"] as const,
      },
      {
        id: "fl_star",
        label: `FL* γ = ${formatParam(starGamma)}, β = ${formatParam(starBeta)}`,
        of: l.star,
        color: COLORS.modulating,
        dash: "7 3",
        terms: [] as const,
      },
    ];
    const series = (measure: "loss" | "gradient"): Series[] =>
      curves.map(({ of, terms, ...c }) => ({
        ...c,
        points: measure === "loss" ? xtLossCurve(of) : xtGradientCurve(of),
        evaluate: (xt: number) => (measure === "loss" ? lossAtXt(of, xt) : gradientAtXt(of, xt)),
        emphasis: emphasisFor(highlight, terms),
      }));
    return { loss: series("loss"), gradient: series("gradient") };
  }, [gamma, starGamma, starBeta, highlight]);
  const c = focalStarCaption(gamma, starGamma, starBeta);
  return (
    <Figure
      id="fl-star"
      controls={
        <>
          <SchemaSlider
            param={EXPLAINER_SCHEMA.starGamma}
            label={<>γ of FL*</>}
            name="γ of FL*"
            value={starGamma}
            onChange={(v) => update({ starGamma: v })}
            testId="star-gamma-slider"
          />
          <SchemaSlider
            param={EXPLAINER_SCHEMA.starBeta}
            label={<>β of FL*</>}
            name="β of FL*"
            value={starBeta}
            onChange={(v) => update({ starBeta: v })}
            testId="star-beta-slider"
          />
          <div className="flex flex-wrap items-center gap-2 text-sm" role="group">
            <span className="text-[var(--muted)]">The paper's settings</span>
            {PAPER_FL_STAR_SETTINGS.map((s) => {
              const on = s.gamma === starGamma && s.beta === starBeta;
              return (
                <button
                  key={`${s.gamma}-${s.beta}`}
                  type="button"
                  aria-pressed={on}
                  onClick={() => update({ starGamma: s.gamma, starBeta: s.beta })}
                  className={`rounded-full border border-[var(--grid)] px-3 py-1 ${on ? "bg-[var(--accent)] text-[var(--on-accent)]" : "hover:bg-[var(--grid)]"}`}
                >
                  γ = {s.gamma}, β = {s.beta}
                </button>
              );
            })}
          </div>
        </>
      }
      caption={<FocalStarCaption c={c} />}
      data={() => focalStarRows(gamma, starGamma, starBeta)}
      table={() => focalStarTable(gamma, starGamma, starBeta)}
    >
      {(width) => {
        const height = Math.min(300, Math.max(210, width * 0.42));
        return (
          <div className="flex flex-col gap-2">
            <Legend items={loss} />
            <h4 className="text-sm font-semibold">Loss (the paper's Figure 5)</h4>
            <LineChart
              width={width}
              height={height}
              series={loss}
              xName="xₜ"
              title={`Loss against xₜ: CE, FL γ = ${c.gamma} and FL* γ = ${c.starGamma}, β = ${c.starBeta}`}
              x={{ domain: XT_LOSS_RANGE, label: "xₜ = y·x (pₜ = σ(xₜ))", format: formatValue }}
              y={{ domain: LOSS_Y, label: "loss", format: formatValue }}
              markers={[{ x: 0, label: "well-classified →" }]}
            />
            <h4 className="text-sm font-semibold">Derivative (the paper's Figure 6)</h4>
            <LineChart
              width={width}
              height={height}
              series={gradient}
              xName="xₜ"
              title={`Derivative against xₜ: CE, FL γ = ${c.gamma} and FL* γ = ${c.starGamma}, β = ${c.starBeta}`}
              x={{ domain: XT_GRADIENT_RANGE, label: "xₜ = y·x", format: formatValue }}
              y={{ domain: xtGradientDomain(gamma), label: "dL/dx (y = 1)", format: formatValue }}
              markers={[{ x: 0, label: "pₜ = 0.5" }]}
            />
          </div>
        );
      }}
    </Figure>
  );
}

function FocalStarCaption({ c }: { c: ReturnType<typeof focalStarCaption> }) {
  const star = `FL* (γ = ${c.starGamma}, β = ${c.starBeta})`;
  return (
    <>
      {c.starIsCe ? (
        <>With γ = 1 and β = 0, FL* is cross-entropy itself: its curves lie on CE's. </>
      ) : (
        <>
          A well-classified example at x<sub>t</sub> = {c.xtEasy} (p<sub>t</sub> = {c.easy.pt})
          costs {c.easy.ce} under CE, {c.easy.fl} under FL (γ = {c.gamma}, {c.easy.flVsCe} CE) and{" "}
          {c.easy.star} under {star}: <strong>{c.easy.starVsCe} CE</strong>. A hard one at x
          <sub>t</sub> = {c.xtHard} (p<sub>t</sub> = {c.hard.pt}) costs {c.hard.ce}, {c.hard.fl} and{" "}
          {c.hard.star}.{" "}
        </>
      )}
      The derivative stays below {c.small.level} in size from x<sub>t</sub> = {c.small.ce} under CE,{" "}
      {c.small.fl} under FL and {c.small.star} under FL*.{" "}
      {c.flPeak ? (
        <>
          Where FL and FL* differ most: FL pushes a hard example with up to {c.flPeak.value} (at x
          <sub>t</sub> = {c.flPeak.at}), harder than CE ever does, while FL*'s derivative, p*
          <sub>t</sub> − 1, never exceeds 1 in size.
        </>
      ) : (
        <>At γ = 0 FL is CE.</>
      )}
      {c.paper && (
        <>
          {" "}
          The paper trained RetinaNet-50 with this FL* to <strong>{c.paper.ap} AP</strong>, against{" "}
          {c.paper.fl} with FL and {c.paper.ce} with CE (its Table 3).
        </>
      )}
    </>
  );
}
