import { mkdtempSync, writeFileSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pickEncoding, serveStatic } from "../scripts/serve-static.mjs";

describe("pickEncoding", () => {
  it("prefers brotli, then gzip, and honours q=0", () => {
    expect(pickEncoding("gzip, deflate, br, zstd")).toBe("br");
    expect(pickEncoding("gzip;q=1.0, br;q=0")).toBe("gzip");
    expect(pickEncoding("identity")).toBe(null);
    expect(pickEncoding("")).toBe(null);
  });
});

describe("the static server's compress option", () => {
  const dir = mkdtempSync(join(tmpdir(), "serve-static-"));
  const text = "focal loss ".repeat(2000);
  writeFileSync(join(dir, "index.html"), text);
  writeFileSync(join(dir, "a.png"), Buffer.alloc(4000, 7));
  let base = "";
  let close = () => {};
  beforeAll(async () => {
    const server = await serveStatic(dir, 0, "127.0.0.1", { compress: true });
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    close = () => server.close();
  });
  afterAll(() => close());

  /** Raw body bytes (fetch would decode them) and headers. */
  async function get(path: string, acceptEncoding: string) {
    const { request } = await import("node:http");
    return new Promise<{ body: Buffer; headers: Record<string, unknown> }>((ok, fail) => {
      request(`${base}${path}`, { headers: { "accept-encoding": acceptEncoding } }, (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => ok({ body: Buffer.concat(chunks), headers: res.headers }));
      })
        .on("error", fail)
        .end();
    });
  }

  it("sends brotli or gzip as accepted, with the right length, and the same text", async () => {
    const br = await get("/", "gzip, br");
    expect(br.headers["content-encoding"]).toBe("br");
    expect(Number(br.headers["content-length"])).toBe(br.body.length);
    expect(br.body.length).toBeLessThan(text.length / 10);
    expect(brotliDecompressSync(br.body).toString()).toBe(text);
    const gz = await get("/", "gzip");
    expect(gz.headers["content-encoding"]).toBe("gzip");
    expect(gunzipSync(gz.body).toString()).toBe(text);
  });

  it("sends files as they are when nothing is accepted, and images uncompressed", async () => {
    const plain = await get("/", "identity");
    expect(plain.headers["content-encoding"]).toBeUndefined();
    expect(plain.body.toString()).toBe(text);
    const png = await get("/a.png", "gzip, br");
    expect(png.headers["content-encoding"]).toBeUndefined();
    expect(png.body.length).toBe(4000);
  });
});
