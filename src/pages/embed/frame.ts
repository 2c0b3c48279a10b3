/**
 * The embed's side of its frame (the pure rules are in frameFit.ts): report the content height
 * to the host page in every dialect, watch whether the frame follows, and when it cannot grow
 * shrink the content to fit it (`fit`) and keep data tables inside the frame (`contained`).
 * The only message listened to is the host asking for the height again (public/embed.js).
 */
import { useSyncExternalStore } from "react";
import {
  contained,
  type FitOption,
  FOLLOW_TIMEOUT_MS,
  fitActive,
  fitScale,
  frameResized,
  heightMessages,
  INITIAL_FRAME,
  reported,
  timePassed,
} from "./frameFit";
import { EMBED_PING_MESSAGE } from "./messages";

export interface FrameView {
  /** The content is shrunk to the frame. */
  fit: boolean;
  /** Data tables open in a panel inside the frame instead of growing the content. */
  contained: boolean;
  scale: number;
}

let view: FrameView = { fit: false, contained: false, scale: 1 };
const listeners = new Set<() => void>();

function publish(next: FrameView): void {
  if (next.fit === view.fit && next.contained === view.contained && next.scale === view.scale) {
    return;
  }
  view = next;
  for (const l of listeners) l();
}

export function useEmbedFrame(): FrameView {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => view,
  );
}

export function watchFrame(content: HTMLElement, option: FitOption): () => void {
  const parent = window.parent;
  const framed = parent !== window;
  const html = document.documentElement;
  let state = INITIAL_FRAME;
  let last = -1;
  let timer = 0;

  const apply = () => {
    const fit = fitActive(option, framed, state);
    // Layout sizes: a CSS transform does not change them, so scaling never feeds back.
    const natural = { width: content.offsetWidth, height: content.offsetHeight };
    const frame = { width: window.innerWidth, height: window.innerHeight };
    const scale = fit ? fitScale(natural, frame) : 1;
    html.classList.toggle("embed-fit", fit);
    content.style.transform = scale < 1 ? `scale(${scale})` : "";
    publish({ fit, contained: contained(option, framed, state), scale });
  };
  const later = () => {
    window.clearTimeout(timer);
    if (!state.pending) return;
    timer = window.setTimeout(() => {
      state = timePassed(state, performance.now());
      apply();
      later();
    }, FOLLOW_TIMEOUT_MS + 50);
  };
  const send = (force = false) => {
    const height = Math.ceil(content.offsetHeight);
    if (framed && (height !== last || force)) {
      last = height;
      // The height is not a secret, and the embedding page's origin is unknown: any target.
      for (const message of heightMessages(height)) parent.postMessage(message, "*");
      state = reported(state, height, window.innerHeight, performance.now());
      later();
    }
    apply();
  };
  const onResize = () => {
    state = frameResized(state, window.innerHeight);
    later();
    apply();
  };
  const onMessage = (e: MessageEvent) => {
    if (e.source === parent && e.data?.type === EMBED_PING_MESSAGE) send(true);
  };
  const observer = new ResizeObserver(() => send());
  observer.observe(content);
  window.addEventListener("resize", onResize);
  window.addEventListener("message", onMessage);
  return () => {
    observer.disconnect();
    window.clearTimeout(timer);
    window.removeEventListener("resize", onResize);
    window.removeEventListener("message", onMessage);
  };
}
