/** Yield on the main thread so the page can render a frame between training steps. */
export function yieldToRendering(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}
