/**
 * Site title, navigation between the pages and the theme toggle. Links are relative, for any
 * static host, and carry a forced theme along (the theme lives only in URLs).
 */
import type { Theme } from "../state/view";
import { ThemeToggle } from "./ThemeToggle";

const PAGES = [
  { path: "", label: "Explainer", id: "explainer" },
  { path: "train/", label: "Train it yourself", id: "train" },
  { path: "yours/", label: "Your own model", id: "yours" },
] as const;

type PageId = (typeof PAGES)[number]["id"];

/** The relative path from each page back to the site root. */
const ROOT: Record<PageId, string> = { explainer: "./", train: "../", yours: "../" };

export function SiteHeader(props: {
  current: PageId;
  theme: Theme;
  onTheme: (t: Theme) => void;
  /** Extra items at the end of the bar (the explainer's lesson builder). */
  children?: React.ReactNode;
}) {
  const { current, theme } = props;
  const root = ROOT[current];
  const keep = theme === "auto" ? "" : `?theme=${theme}`;
  return (
    <header className="border-b border-[var(--grid)] bg-[var(--panel)] print:border-0">
      <div className="mx-auto flex max-w-5xl flex-wrap items-center justify-between gap-2 px-4 py-3">
        <a href={root} className="text-lg font-bold tracking-tight">
          Focal Loss <span className="text-[var(--accent)]">Explorer</span>
        </a>
        <div className="flex flex-wrap items-center gap-x-4 gap-y-2 print:hidden">
          <nav aria-label="Pages" className="flex gap-4 text-sm">
            {PAGES.map((p) => (
              <a
                key={p.id}
                href={`${root}${p.path}${keep}`}
                aria-current={p.id === current ? "page" : undefined}
                className="aria-[current=page]:font-semibold aria-[current=page]:text-[var(--accent)]"
              >
                {p.label}
              </a>
            ))}
          </nav>
          <ThemeToggle theme={theme} onTheme={props.onTheme} />
          {props.children}
        </div>
      </div>
    </header>
  );
}
