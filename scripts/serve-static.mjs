/**
 * A deliberately plain static file server for tests and benchmarks: no rewrites, no SPA
 * fallback, like the simplest static host. Usage: node scripts/serve-static.mjs DIR PORT
 * [--headers FILE]: with a `_headers` file (Netlify / Cloudflare Pages format, see
 * headers-file.mjs) it sends those headers too, as such a host would.
 */
import { createReadStream, statSync } from "node:fs";
import { createServer } from "node:http";
import { extname, join, normalize, resolve } from "node:path";
import { headersFor, readHeadersFile } from "./headers-file.mjs";

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".json": "application/json",
  ".wasm": "application/wasm",
  ".woff2": "font/woff2",
  ".woff": "font/woff",
  ".ttf": "font/ttf",
  ".txt": "text/plain; charset=utf-8",
  ".webmanifest": "application/manifest+json",
  ".csv": "text/csv; charset=utf-8",
};

/** `options.headers`: rules from readHeadersFile(), sent with every matching response. */
export function serveStatic(dir, port, host = "127.0.0.1", options = {}) {
  const root = resolve(dir);
  const rules = options.headers ?? [];
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname);
    let file = normalize(join(root, path));
    if (!file.startsWith(root)) {
      res.writeHead(403).end();
      return;
    }
    try {
      if (statSync(file).isDirectory()) file = join(file, "index.html");
      const size = statSync(file).size;
      res.writeHead(200, {
        ...headersFor(rules, path),
        "content-type": TYPES[extname(file)] ?? "application/octet-stream",
        "content-length": size,
      });
      createReadStream(file).pipe(res);
    } catch {
      res.writeHead(404, { "content-type": "text/plain" }).end("not found");
    }
  });
  return new Promise((ok) => server.listen(port, host, () => ok(server)));
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split("/").pop() ?? "")) {
  const args = process.argv.slice(2);
  const at = args.indexOf("--headers");
  const headers = at >= 0 ? readHeadersFile(args.splice(at, 2)[1]) : [];
  const [dir = "dist", port = "4317"] = args;
  await serveStatic(dir, Number(port), "127.0.0.1", { headers });
  console.log(`serving ${dir} on http://127.0.0.1:${port}${at >= 0 ? " with headers" : ""}`);
}
