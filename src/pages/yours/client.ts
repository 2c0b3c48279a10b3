/**
 * The page's handle on the reading service: in a Web Worker when the browser has them (the
 * file is handed over as a Blob; its bytes never leave the tab), else on the page's thread.
 */
import * as Comlink from "comlink";
import type { ReaderApi } from "./protocol";
import { createReader } from "./reader";

export interface ReaderHandle {
  api: {
    [K in keyof ReaderApi]: (
      ...args: Parameters<ReaderApi[K]>
    ) => Promise<Awaited<ReturnType<ReaderApi[K]>>>;
  };
  thread: "worker" | "main";
  close(): void;
}

export function openReader(): ReaderHandle {
  if (typeof Worker !== "undefined") {
    const worker = new Worker(new URL("./reader.worker.ts", import.meta.url), {
      type: "module",
      name: "reader",
    });
    const remote = Comlink.wrap<ReaderApi>(worker);
    return {
      thread: "worker",
      api: {
        inspect: (file, name) => remote.inspect(file, name),
        read: (file, inspection, options, onProgress) =>
          remote.read(file, inspection, options, Comlink.proxy(onProgress)),
        cancel: () => remote.cancel(),
      },
      close: () => {
        remote[Comlink.releaseProxy]();
        worker.terminate();
      },
    };
  }
  const reader = createReader();
  return {
    thread: "main",
    api: {
      inspect: (file, name) => reader.inspect(file, name),
      read: (file, inspection, options, onProgress) =>
        reader.read(file, inspection, options, onProgress),
      cancel: async () => reader.cancel(),
    },
    close: () => {},
  };
}
