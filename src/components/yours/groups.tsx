/** The three groups of locations (paper, section 3.2), their colours and the legend. */
import { COLORS } from "../charts/palette";

export const GROUPS = [
  { key: "positives", label: "Positives", color: COLORS.positive },
  { key: "hardNegatives", label: "Hard negatives (p_t ≤ 0.9)", color: COLORS.hard },
  { key: "easyNegatives", label: "Easy negatives (p_t > 0.9)", color: COLORS.easy },
] as const;

export function GroupLegend() {
  return (
    <ul className="flex flex-wrap gap-x-4 gap-y-1 text-xs" aria-hidden="true">
      {GROUPS.map((g) => (
        <li key={g.key} className="flex items-center gap-1.5">
          <span className="inline-block h-3 w-3 rounded-sm" style={{ background: g.color }} />
          {g.label}
        </li>
      ))}
    </ul>
  );
}
