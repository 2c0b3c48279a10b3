/** Site title and navigation between the pages. Links are relative, for any static host. */
const PAGES = [
  { path: "", label: "Explainer", id: "explainer" },
  { path: "train/", label: "Train it yourself", id: "train" },
  { path: "yours/", label: "Your own model", id: "yours" },
] as const;

type PageId = (typeof PAGES)[number]["id"];

/** The relative path from each page back to the site root. */
const ROOT: Record<PageId, string> = { explainer: "./", train: "../", yours: "../" };

export function SiteHeader({ current }: { current: PageId }) {
  const root = ROOT[current];
  return (
    <header className="border-b border-[var(--grid)] bg-[var(--panel)] print:border-0">
      <div className="mx-auto flex max-w-5xl flex-wrap items-center justify-between gap-2 px-4 py-3">
        <a href={root} className="text-lg font-bold tracking-tight">
          Focal Loss <span className="text-[var(--accent)]">Explorer</span>
        </a>
        <nav aria-label="Pages" className="flex gap-4 text-sm print:hidden">
          {PAGES.map((p) => (
            <a
              key={p.id}
              href={`${root}${p.path}`}
              aria-current={p.id === current ? "page" : undefined}
              className="aria-[current=page]:font-semibold aria-[current=page]:text-[var(--accent)]"
            >
              {p.label}
            </a>
          ))}
        </nav>
      </div>
    </header>
  );
}
