import type { RunId } from "../../experiment/protocol";
import { COLORS } from "../charts/palette";

/** Run A draws in the CE colour and run B in the FL colour, as in the defaults. */
export const RUN_COLORS: Record<RunId, string> = { a: COLORS.ce, b: COLORS.fl };
