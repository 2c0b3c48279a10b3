/**
 * Start a backend for the session: the requested one (or the fastest, for "auto"), and when it
 * fails, the next that works, saying what happened.
 */
import { BACKEND_NAMES, type BackendChoice } from "../experiment/backends";
import type { TrainConfig } from "../experiment/config";
import type { BackendReport } from "../experiment/protocol";
import { selectBackend } from "./autoBackend";
import type { BackendSetupOptions } from "./backend";

export async function startBackend(
  choice: BackendChoice,
  config: TrainConfig,
  options: BackendSetupOptions,
  thread: BackendReport["thread"],
): Promise<{ report: BackendReport; notice?: string }> {
  try {
    const selection = await selectBackend(choice, config, options);
    return { report: { ...selection, thread } };
  } catch (error) {
    const first = error instanceof Error ? error.message : String(error);
    if (choice === "auto") throw error;
    for (const name of BACKEND_NAMES.filter((b) => b !== choice)) {
      try {
        const selection = await selectBackend(name, config, options);
        const reason = `${choice} failed to start (${first}); fell back to ${name}`;
        return {
          report: { ...selection, reason, thread },
          notice: `The ${choice} backend failed to start, so training runs on ${name}. (${first})`,
        };
      } catch {
        // try the next one
      }
    }
    throw new Error(`no backend works here; ${choice}: ${first}`);
  }
}

/** The backends to try, in order, after `failed` stops working mid-run. */
export function fallbacksAfter(failed: string): BackendChoice[] {
  return BACKEND_NAMES.filter((b) => b !== failed);
}
