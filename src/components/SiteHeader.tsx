/** Site title and navigation between the pages. */
const PAGES = [{ href: "./", label: "Explainer", id: "explainer" }] as const;

export function SiteHeader({ current }: { current: (typeof PAGES)[number]["id"] }) {
  return (
    <header className="border-b border-[var(--grid)] bg-[var(--panel)] print:border-0">
      <div className="mx-auto flex max-w-5xl flex-wrap items-center justify-between gap-2 px-4 py-3">
        <a href="./" className="text-lg font-bold tracking-tight">
          Focal Loss <span className="text-[var(--accent)]">Explorer</span>
        </a>
        <nav aria-label="Pages" className="flex gap-4 text-sm print:hidden">
          {PAGES.map((p) => (
            <a
              key={p.id}
              href={p.href}
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
