/** System, light or dark: for projectors that wash out one of them. The page keeps it in its URL. */
import { useId } from "react";
import { THEMES, type Theme } from "../state/view";

const LABELS: Record<Theme, string> = { auto: "System", light: "Light", dark: "Dark" };

export function ThemeToggle({ theme, onTheme }: { theme: Theme; onTheme: (t: Theme) => void }) {
  const id = useId();
  return (
    <span className="flex items-center gap-1 text-sm print:hidden">
      <label htmlFor={id} className="text-[var(--muted)]">
        Theme
      </label>
      <select
        id={id}
        value={theme}
        onChange={(e) => onTheme(e.target.value as Theme)}
        className="rounded border border-[var(--grid)] bg-[var(--panel)] px-1 py-0.5"
        data-testid="theme-toggle"
      >
        {THEMES.map((t) => (
          <option key={t} value={t}>
            {LABELS[t]}
          </option>
        ))}
      </select>
    </span>
  );
}
