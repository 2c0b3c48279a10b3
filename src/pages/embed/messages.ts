/** The embed's postMessage types: namespaced so a host page can tell them from others. */
export const EMBED_HEIGHT_MESSAGE = "focal-loss-explorer:embed-height";
export const EMBED_PING_MESSAGE = "focal-loss-explorer:embed-ping";
