/**
 * The page's handle on the reading service: in a Web Worker when the browser has them (the
 * file is handed over as a Blob; its bytes never leave the tab), else on the page's thread.
 */
import type { FromReader, Outcome, ReaderApi, ToReader } from "./protocol";
import { createReader } from "./reader";

export interface ReaderHandle {
  api: ReaderApi;
  thread: "worker" | "main";
  close(): void;
}

function workerHandle(worker: Worker): ReaderHandle {
  let nextId = 0;
  const pending = new Map<
    number,
    { resolve: (o: Outcome<never>) => void; onProgress?: Parameters<ReaderApi["read"]>[3] }
  >();
  worker.onmessage = (event: MessageEvent<FromReader>) => {
    const message = event.data;
    const waiting = pending.get(message.id);
    if (!waiting) return;
    if (message.type === "progress") waiting.onProgress?.(message.progress);
    else {
      pending.delete(message.id);
      waiting.resolve(message.outcome as Outcome<never>);
    }
  };
  worker.onerror = (event) => {
    for (const [, waiting] of pending) {
      waiting.resolve({
        ok: false,
        problem: "internal",
        message: `The reading worker failed: ${event.message}`,
      });
    }
    pending.clear();
  };
  const send = <T>(message: ToReader, onProgress?: Parameters<ReaderApi["read"]>[3]) =>
    new Promise<T>((resolve) => {
      if (message.type !== "cancel")
        pending.set(message.id, { resolve: resolve as never, onProgress });
      worker.postMessage(message);
    });
  return {
    thread: "worker",
    api: {
      inspect: (file, name) => send({ type: "inspect", id: ++nextId, file, name }),
      read: (file, inspection, options, onProgress) =>
        send({ type: "read", id: ++nextId, file, inspection, options }, onProgress),
      cancel: () => worker.postMessage({ type: "cancel" } satisfies ToReader),
    },
    close: () => worker.terminate(),
  };
}

export function openReader(): ReaderHandle {
  if (typeof Worker !== "undefined") {
    return workerHandle(
      new Worker(new URL("./reader.worker.ts", import.meta.url), {
        type: "module",
        name: "reader",
      }),
    );
  }
  return { thread: "main", api: createReader(), close: () => {} };
}
