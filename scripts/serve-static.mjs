/**
 * A deliberately plain static file server for tests and benchmarks: no rewrites, no SPA
 * fallback, like the simplest static host. Usage: node scripts/serve-static.mjs DIR PORT
 * [--headers FILE] [--compress]: with a `_headers` file (Netlify / Cloudflare Pages format, see
 * headers-file.mjs) it sends those headers too, as such a host would; with `--compress` it
 * answers `Accept-Encoding: br` / `gzip` with compressed text files (brotli preferred), as
 * every real host does (page-speed benchmarks use it; tests use the plain default).
 */
import { createReadStream, readFileSync, statSync } from "node:fs";
import { createServer } from "node:http";
import { extname, join, normalize, resolve } from "node:path";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";
import { headersFor, readHeadersFile } from "./headers-file.mjs";

/** Types worth compressing (fonts and images are compressed already; wasm compresses well). */
const COMPRESSIBLE = /^(text\/|application\/(json|manifest\+json|wasm)|image\/svg)/;

/** The encoding to send: brotli when accepted, else gzip, else none. */
export function pickEncoding(acceptEncoding = "") {
  const accepted = acceptEncoding
    .split(",")
    .map((part) => part.trim().split(";"))
    .filter(([, q]) => !q || Number(q.split("=")[1]) > 0)
    .map(([name]) => name.toLowerCase());
  if (accepted.includes("br")) return "br";
  if (accepted.includes("gzip")) return "gzip";
  return null;
}

/** Compressed bodies, by encoding and path, made once per file version (size + mtime). */
const compressedCache = new Map();
function compressed(file, stat, encoding) {
  const key = `${encoding}:${file}:${stat.size}:${stat.mtimeMs}`;
  let body = compressedCache.get(key);
  if (!body) {
    const raw = readFileSync(file);
    body =
      encoding === "br"
        ? brotliCompressSync(raw, {
            params: {
              [constants.BROTLI_PARAM_QUALITY]: 11,
              [constants.BROTLI_PARAM_SIZE_HINT]: raw.length,
            },
          })
        : gzipSync(raw, { level: 9 });
    compressedCache.set(key, body);
  }
  return body;
}

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

/**
 * `options.headers`: rules from readHeadersFile(), sent with every matching response;
 * `options.compress`: compress text responses the client accepts compressed.
 */
export function serveStatic(dir, port, host = "127.0.0.1", options = {}) {
  const root = resolve(dir);
  const rules = options.headers ?? [];
  const compress = options.compress === true;
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname);
    let file = normalize(join(root, path));
    if (!file.startsWith(root)) {
      res.writeHead(403).end();
      return;
    }
    try {
      if (statSync(file).isDirectory()) file = join(file, "index.html");
      const stat = statSync(file);
      const type = TYPES[extname(file)] ?? "application/octet-stream";
      const encoding =
        compress && COMPRESSIBLE.test(type) ? pickEncoding(req.headers["accept-encoding"]) : null;
      if (encoding) {
        const body = compressed(file, stat, encoding);
        res.writeHead(200, {
          ...headersFor(rules, path),
          "content-type": type,
          "content-encoding": encoding,
          "content-length": body.length,
          vary: "Accept-Encoding",
        });
        res.end(body);
        return;
      }
      res.writeHead(200, {
        ...headersFor(rules, path),
        "content-type": type,
        "content-length": stat.size,
        ...(compress ? { vary: "Accept-Encoding" } : {}),
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
  const zipAt = args.indexOf("--compress");
  if (zipAt >= 0) args.splice(zipAt, 1);
  const [dir = "dist", port = "4317"] = args;
  await serveStatic(dir, Number(port), "127.0.0.1", { headers, compress: zipAt >= 0 });
  console.log(
    `serving ${dir} on http://127.0.0.1:${port}${at >= 0 ? " with headers" : ""}${zipAt >= 0 ? ", compressed" : ""}`,
  );
}
