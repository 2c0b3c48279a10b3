/**
 * The open share / export menu of one chart (loaded on first use, with the export code):
 * copy a link to this view, copy embed code, download SVG, PNG (2×) or CSV.
 */
import { useContext, useEffect, useRef, useState } from "react";
import type { ChartMenuProps } from "../components/ChartMenu";
import type { ChartData } from "../components/chartData";
import { ChartHostContext } from "../components/figureContext";
import { CHARTS, type ChartEntry, HOST_PAGE_PATH } from "../state/charts";
import { EMBED_OPTIONS_SCHEMA, type EmbedOptions } from "../state/embed";
import { defaultsOf, serializeState } from "../state/schema";
import { buildCsv, type CsvTable, curvesTable } from "./csv";
import { copyText, saveFile, svgToPng } from "./files";
import {
  chartLink,
  embedSnippet,
  embedUrl,
  fileStem,
  settingsOf,
  settingsQuery,
  siteRootOf,
} from "./links";
import { snapshotSvg } from "./svgSnapshot";

/** The CSV table of a chart's data, its columns described from the registry. */
function tableOf(data: ChartData, columns: Readonly<Record<string, string>>): CsvTable {
  const describe = (key: string, fallback = key) => ({
    key,
    description: columns[key] ?? fallback,
  });
  if (typeof data === "function")
    return { columns: Object.keys(columns).map((k) => describe(k)), rows: data() };
  return {
    ...curvesTable(describe(data.x), data.curves),
    columns: [describe(data.x), ...data.curves.map((c) => describe(c.id, c.label))],
  };
}

const ITEM =
  "block w-full rounded px-3 py-1.5 text-left text-sm hover:bg-[var(--grid)] focus-visible:outline-2 focus-visible:outline-[var(--accent)]";

export default function ChartMenuPanel(
  props: ChartMenuProps & { onClose: (returnFocus: boolean) => void },
) {
  const { id, title, data, chartRef, onClose } = props;
  const host = useContext(ChartHostContext);
  const entry: ChartEntry | undefined = (CHARTS as Record<string, ChartEntry>)[id];
  const panel = useRef<HTMLDivElement>(null);
  const [status, setStatus] = useState("");
  const [embedOpen, setEmbedOpen] = useState(false);
  const [options, setOptions] = useState<EmbedOptions>(defaultsOf(EMBED_OPTIONS_SCHEMA));
  const [withScript, setWithScript] = useState(true);
  const [sourceLine, setSourceLine] = useState(true);

  useEffect(() => {
    panel.current?.querySelector<HTMLButtonElement>("button")?.focus();
    // Escape returns focus to the Share button; a click elsewhere leaves it where it went.
    const onKey = (e: KeyboardEvent) => e.key === "Escape" && onClose(true);
    const onDown = (e: PointerEvent) => {
      const menu = panel.current?.parentElement;
      if (menu && !menu.contains(e.target as Node)) onClose(false);
    };
    document.addEventListener("keydown", onKey);
    document.addEventListener("pointerdown", onDown);
    return () => {
      document.removeEventListener("keydown", onKey);
      document.removeEventListener("pointerdown", onDown);
    };
  }, [onClose]);

  const stateQuery = host?.stateQuery() ?? "";
  const settings = settingsOf(stateQuery, entry?.params ?? []);
  const link = chartLink(window.location.href, stateQuery, id);
  const siteRoot = siteRootOf(window.location.href, host?.pagePath ?? HOST_PAGE_PATH.explainer);
  const optionsQuery = serializeState(EMBED_OPTIONS_SCHEMA, options, { omitDefaults: true });
  const snippet = embedSnippet({
    url: embedUrl(siteRoot, id, settings, optionsQuery),
    title,
    height:
      (entry?.height ?? 600) + (options.controls === "own" ? (entry?.controlsHeight ?? 0) : 0),
    siteRoot,
    withScript,
  });
  const stem = fileStem(id, settings);
  const settingsText = settingsQuery(settings);

  const copy = async (text: string, done: string) => {
    setStatus(
      (await copyText(text)) ? done : "Copying is blocked here: select the text and copy it.",
    );
  };
  const snapshot = () => {
    const chart = chartRef.current;
    if (!chart) throw new Error("the chart is not on the page");
    return snapshotSvg(chart, {
      title,
      desc: `Focal Loss Explorer, chart ${id}. Settings: ${settingsText || "defaults"}. Live version: ${link}`,
      source: sourceLine ? `Focal Loss Explorer — ${link}` : undefined,
    });
  };
  const run = async (label: string, job: () => Promise<void> | void) => {
    try {
      await job();
      setStatus(`${label} downloaded.`);
    } catch (e) {
      setStatus(`${label} failed: ${e instanceof Error ? e.message : String(e)}`);
    }
  };
  const downloadSvg = () =>
    run("SVG", () =>
      saveFile(new Blob([snapshot().svg], { type: "image/svg+xml" }), `${stem}.svg`),
    );
  const downloadPng = () =>
    run("PNG", async () => {
      const { svg, width, height } = snapshot();
      saveFile(await svgToPng(svg, width, height, 2), `${stem}@2x.png`);
    });
  const downloadCsv = () =>
    run("CSV", () => {
      if (!data) return;
      const table = tableOf(data, entry?.columns ?? {});
      const comments = [
        `Focal Loss Explorer: ${title} (chart ${id})`,
        `settings: ${settingsText || "defaults"}`,
        `link: ${link}`,
      ];
      saveFile(new Blob([buildCsv(table, comments)], { type: "text/csv" }), `${stem}.csv`);
    });

  const set = (patch: Partial<EmbedOptions>) => setOptions((o) => ({ ...o, ...patch }));
  return (
    <div
      ref={panel}
      id={`${id}-menu`}
      className="absolute right-0 top-full z-20 mt-1 w-72 max-w-[calc(100vw-2rem)] rounded-lg border border-[var(--grid)] bg-[var(--panel)] p-1 text-[var(--fg)] shadow-lg"
    >
      <button type="button" className={ITEM} onClick={() => copy(link, "Link copied.")}>
        Copy link to this view
      </button>
      {host?.present && (
        <button type="button" className={ITEM} onClick={() => host.present?.(id)}>
          Present this figure (full screen)
        </button>
      )}
      {host?.buildLesson && (
        <button
          type="button"
          className={ITEM}
          onClick={() => {
            onClose(false);
            host.buildLesson?.(id);
          }}
        >
          Build a lesson with this figure…
        </button>
      )}
      {/* Only charts in the embed registry have an embed page. */}
      {entry && (
        <button
          type="button"
          className={ITEM}
          aria-expanded={embedOpen}
          onClick={() => setEmbedOpen((o) => !o)}
        >
          Embed in a course page…
        </button>
      )}
      {entry && embedOpen && (
        <div className="mx-2 mb-2 flex flex-col gap-1.5 border-l-2 border-[var(--grid)] pl-2 text-sm">
          {entry.note && (
            <p className="text-xs text-[var(--muted)]" data-testid="embed-note">
              {entry.note}
            </p>
          )}
          <label className="flex items-center gap-2">
            <input
              type="checkbox"
              checked={options.controls === "own"}
              onChange={(e) => set({ controls: e.target.checked ? "own" : "none" })}
            />
            Readers can move the sliders
          </label>
          <label className="flex items-center gap-2">
            <input
              type="checkbox"
              checked={options.caption}
              onChange={(e) => set({ caption: e.target.checked })}
            />
            Caption and data table
          </label>
          <label className="flex items-center gap-2">
            <input
              type="checkbox"
              checked={options.title}
              onChange={(e) => set({ title: e.target.checked })}
            />
            Title above the chart
          </label>
          <label className="flex items-center gap-2">
            Theme
            <select
              value={options.theme}
              onChange={(e) => set({ theme: e.target.value as EmbedOptions["theme"] })}
              className="rounded border border-[var(--grid)] bg-[var(--panel)] px-1"
            >
              <option value="auto">follow the reader's system</option>
              <option value="light">light</option>
              <option value="dark">dark</option>
            </select>
          </label>
          <label className="flex items-center gap-2">
            <input
              type="checkbox"
              checked={withScript}
              onChange={(e) => setWithScript(e.target.checked)}
            />
            Fit the height automatically (adds a script line)
          </label>
          <label className="flex items-center gap-2">
            <input
              type="checkbox"
              checked={options.fit === "1"}
              onChange={(e) => set({ fit: e.target.checked ? "1" : "auto" })}
            />
            For slides: shrink the chart to the frame
          </label>
          <textarea
            readOnly
            aria-label="Embed code"
            value={snippet}
            rows={5}
            onFocus={(e) => e.currentTarget.select()}
            className="w-full rounded border border-[var(--grid)] bg-[var(--bg)] p-1 font-mono text-xs"
          />
          <button
            type="button"
            className={`${ITEM} border border-[var(--grid)] text-center`}
            onClick={() => copy(snippet, "Embed code copied.")}
          >
            Copy embed code
          </button>
        </div>
      )}
      <label className="flex items-center gap-2 px-3 py-1 text-xs text-[var(--muted)]">
        <input
          type="checkbox"
          checked={sourceLine}
          onChange={(e) => setSourceLine(e.target.checked)}
        />
        Source line and link on images
      </label>
      <button type="button" className={ITEM} onClick={downloadSvg}>
        Download SVG
      </button>
      <button type="button" className={ITEM} onClick={downloadPng}>
        Download PNG (2×, for slides)
      </button>
      {data && (
        <button type="button" className={ITEM} onClick={downloadCsv}>
          Download data (CSV)
        </button>
      )}
      <p role="status" className="px-3 text-xs text-[var(--muted)] empty:hidden">
        {status}
      </p>
    </div>
  );
}
