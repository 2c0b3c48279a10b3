/**
 * A bar stuck to the top of the page covers what scrolls under it. Keyboard focus and in-page
 * links scroll their target to the top edge, under the bar, unless the page's scroll padding
 * leaves the bar's height free: this keeps `scroll-padding-top` equal to the bar's height
 * (plus a little air) as it changes with the window's width. CSSOM only (CSP-safe).
 */
import { type RefObject, useEffect } from "react";

export function useStickyScrollPadding(bar: RefObject<HTMLElement | null>): void {
  useEffect(() => {
    const el = bar.current;
    if (!el) return;
    const root = document.documentElement;
    const observer = new ResizeObserver(() => {
      root.style.scrollPaddingTop = `${Math.ceil(el.getBoundingClientRect().height) + 8}px`;
    });
    observer.observe(el);
    return () => {
      observer.disconnect();
      root.style.scrollPaddingTop = "";
    };
  }, [bar]);
}
