/**
 * The handout (`?handout=<chart ids>`): the chosen figures at the lesson's state, with their
 * captions, the teacher's note, and the link and a QR code back to the live lesson, laid out
 * for print (each figure kept whole on a page, A4 or US Letter). Loaded on use.
 */
import { useExplainer } from "../../components/explainerContext";
import { FigureOptionsContext, HANDOUT_FIGURE } from "../../components/figureContext";
import { siteRootOf } from "../../export/links";
import { QrCode } from "../../export/QrCode";
import { CHARTS, type ExplainerChartId } from "../../state/charts";
import { explainerLink } from "../../state/view";
import { FIGURES } from "./figuresById";
import { PARAM_LABELS, PARAMS } from "./stateLabels";

const BUTTON =
  "rounded-md border border-[var(--grid)] px-3 py-1 text-sm hover:bg-[var(--grid)] focus-visible:outline-2 focus-visible:outline-[var(--accent)]";

export default function Handout(props: {
  charts: readonly ExplainerChartId[];
  note: string;
  /** The live lesson the handout links back to, as a query. */
  lessonQuery: string;
  onBack: () => void;
}) {
  const { state } = useExplainer();
  const link = explainerLink(siteRootOf(window.location.href, ""), props.lessonQuery);
  // The settings the chosen figures depend on, in the schema's order.
  const used = PARAMS.filter((p) =>
    props.charts.some((id) => (CHARTS[id].params as readonly string[]).includes(p)),
  );
  return (
    <main className="mx-auto max-w-3xl px-4 pb-16" data-testid="handout">
      <div className="my-4 flex flex-wrap items-center gap-3 print:hidden">
        <button type="button" className={BUTTON} onClick={() => window.print()}>
          Print or save as PDF
        </button>
        <button type="button" className={BUTTON} onClick={props.onBack}>
          Back to the lesson
        </button>
        <p className="text-sm text-[var(--muted)]">
          A4 or US Letter: each figure stays whole on one page.
        </p>
      </div>
      <header className="mt-6 flex items-start gap-4 break-inside-avoid">
        <div className="min-w-0 flex-1">
          <h1 className="text-2xl font-bold tracking-tight">How focal loss works: handout</h1>
          <p className="mt-2 text-sm">
            Figures of the Focal Loss Explorer at{" "}
            {used.map((p) => PARAM_LABELS[p](state)).join("; ")}.
          </p>
          {props.note && (
            <p className="mt-2 whitespace-pre-line break-words" data-testid="handout-note">
              <strong>Note: </strong>
              {props.note}
            </p>
          )}
          <p className="mt-2 text-sm">
            Live and interactive:{" "}
            <a
              href={link}
              className="break-all text-[var(--accent)] underline"
              data-testid="handout-link-back"
            >
              {link}
            </a>
          </p>
        </div>
        <QrCode text={link} size={112} label="QR code of the live lesson" testId="handout-qr" />
      </header>
      <FigureOptionsContext.Provider value={HANDOUT_FIGURE}>
        {props.charts.map((id) => {
          const Figure = FIGURES[id];
          return <Figure key={id} />;
        })}
      </FigureOptionsContext.Provider>
      <p className="mt-6 text-xs text-[var(--muted)]">
        Focal Loss Explorer. Source: T.-Y. Lin, P. Goyal, R. Girshick, K. He and P. Dollár, “Focal
        Loss for Dense Object Detection”, ICCV 2017 (arXiv:1708.02002).
      </p>
    </main>
  );
}
