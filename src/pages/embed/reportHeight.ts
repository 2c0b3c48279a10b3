/**
 * Auto-height for embeds: post the content's height to the parent page whenever it changes, as
 * a namespaced message that our resize script (public/embed.js) applies to the iframe. The
 * height is all that is sent; the only message listened to is the parent asking for it again.
 */
import { EMBED_HEIGHT_MESSAGE, EMBED_PING_MESSAGE } from "./messages";

export function reportHeight(content: HTMLElement): () => void {
  const parent = window.parent;
  if (parent === window) return () => {};
  let last = -1;
  const send = (force = false) => {
    const height = Math.ceil(content.getBoundingClientRect().height);
    if (height === last && !force) return;
    last = height;
    // The height is not a secret, and the embedding page's origin is unknown: any target.
    parent.postMessage({ type: EMBED_HEIGHT_MESSAGE, height }, "*");
  };
  const observer = new ResizeObserver(() => send());
  observer.observe(content);
  const onMessage = (e: MessageEvent) => {
    if (e.source === parent && e.data?.type === EMBED_PING_MESSAGE) send(true);
  };
  window.addEventListener("message", onMessage);
  return () => {
    observer.disconnect();
    window.removeEventListener("message", onMessage);
  };
}
