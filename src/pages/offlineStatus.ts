/**
 * What the page knows about its service worker, as plain data: whether the site is saved for use
 * without a network, and whether a newer version is waiting. Events come from
 * `serviceWorker.ts`; this reducer and the wording are pure, so they are tested without a browser.
 */

export interface OfflineStatus {
  /** `unavailable`: no service worker (not supported, blocked, failed, or a dev build). */
  offline: "unavailable" | "saving" | "ready";
  /**
   * `waiting`: a new version is installed and waits for the reader; `applying`: the reader asked
   * for it and the page reloads once it takes over; `elsewhere`: another tab applied it, and this
   * tab still runs the old version.
   */
  update: "none" | "waiting" | "applying" | "elsewhere";
}

export type OfflineEvent =
  | { type: "unavailable" }
  | { type: "registered"; active: boolean; waiting: boolean }
  | { type: "activated" }
  | { type: "waiting" }
  | { type: "apply" }
  | { type: "controller-changed"; hadController: boolean };

export const INITIAL_OFFLINE_STATUS: OfflineStatus = { offline: "unavailable", update: "none" };

export function offlineReducer(status: OfflineStatus, event: OfflineEvent): OfflineStatus {
  switch (event.type) {
    case "unavailable":
      return INITIAL_OFFLINE_STATUS;
    case "registered":
      return {
        offline: event.active ? "ready" : "saving",
        update: event.waiting && event.active ? "waiting" : status.update,
      };
    case "activated":
      return { ...status, offline: "ready" };
    case "waiting":
      return status.update === "none" ? { ...status, update: "waiting" } : status;
    case "apply":
      return status.update === "waiting" ? { ...status, update: "applying" } : status;
    case "controller-changed":
      // The first install never takes over open pages (no clientsClaim): a change of controller
      // is always a new version, ours (we reload) or another tab's.
      if (!event.hadController) return { ...status, offline: "ready" };
      return { offline: "ready", update: status.update === "applying" ? "applying" : "elsewhere" };
  }
}

/** Whether the page must reload now: only once the version the reader asked for took over. */
export function shouldReload(before: OfflineStatus, event: OfflineEvent): boolean {
  return event.type === "controller-changed" && event.hadController && before.update === "applying";
}

/** The footer's sentence about offline use, or null when there is nothing true to say. */
export function offlineSentence(status: OfflineStatus): string | null {
  if (status.offline === "ready") {
    return "Saved in this browser: the explainer, the training page, your-model page and the embeds now work without a network.";
  }
  if (status.offline === "saving") return "Saving the site in this browser for offline use…";
  return null;
}

/** The update notice, or null when there is none. */
export function updateSentence(status: OfflineStatus): string | null {
  if (status.update === "waiting") return "A new version of this site is ready.";
  if (status.update === "applying") return "Updating…";
  if (status.update === "elsewhere") {
    return "This site was updated in another tab; this tab still runs the previous version.";
  }
  return null;
}
