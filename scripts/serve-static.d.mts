import type { Server } from "node:http";
import type { HeaderRule } from "./headers-file.mjs";
export function serveStatic(
  dir: string,
  port: number,
  host?: string,
  options?: { headers?: HeaderRule[]; compress?: boolean },
): Promise<Server>;
export function pickEncoding(acceptEncoding?: string): "br" | "gzip" | null;
