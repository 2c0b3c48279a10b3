/**
 * Yield to the event loop through a message to oneself: the next task, after the browser has had
 * its turn (input, rendering), with no timer clamping (nested timers wait at least 4 ms, timers in
 * a background tab about a second). Works on the page, in a worker and in Node. Here, not in the
 * engine, because the engine, the page's components and its file reader all use it.
 */
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
