/**
 * The Web Worker that reads a reader's file: the reading service behind typed messages (see
 * protocol.ts). The file arrives as a Blob (a handle: its bytes are read here, slice by slice).
 */
import type { FromReader, ToReader } from "./protocol";
import { createReader } from "./reader";

const reader = createReader();
const post = (message: FromReader) => self.postMessage(message);

self.onmessage = async (event: MessageEvent<ToReader>) => {
  const message = event.data;
  if (message.type === "cancel") {
    reader.cancel();
  } else if (message.type === "inspect") {
    post({
      type: "done",
      id: message.id,
      outcome: await reader.inspect(message.file, message.name),
    });
  } else {
    const outcome = await reader.read(
      message.file,
      message.inspection,
      message.options,
      (progress) => post({ type: "progress", id: message.id, progress }),
    );
    post({ type: "done", id: message.id, outcome });
  }
};
