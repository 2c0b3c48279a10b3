/** Yield to the event loop through a message (no 4 ms timer clamping), e.g. in a worker. */
export function yieldToMessages(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

/** Yield on the main thread so the page can render a frame between training steps. */
export function yieldToRendering(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}
