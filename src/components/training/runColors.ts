import type { RunId } from "../../experiment/protocol";
import type { MarkerShape } from "../charts/markers";
import { COLORS, MARKERS } from "../charts/palette";

/** Run A draws in the CE colour and run B in the FL colour, as in the defaults. */
export const RUN_COLORS: Record<RunId, string> = { a: COLORS.ce, b: COLORS.fl };

/** …and with its own marker shape, so the runs are told apart without colour. */
export const RUN_MARKERS: Record<RunId, MarkerShape> = { a: MARKERS.runA, b: MARKERS.runB };
