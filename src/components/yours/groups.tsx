/** The three groups of locations (easy: p_t > 0.9, our cut-off), their colours and the legend. */
import { SwatchLegend } from "../charts/Legend";
import { COLORS } from "../charts/palette";
import { YOURS_GROUPS } from "./yoursText";

const COLOR = {
  positives: COLORS.positive,
  hardNegatives: COLORS.hard,
  easyNegatives: COLORS.easy,
};

export const GROUPS = YOURS_GROUPS.map((g) => ({ ...g, color: COLOR[g.key] }));

export function GroupLegend() {
  return <SwatchLegend items={GROUPS} />;
}
