import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { headersFor, parseHeadersFile } from "../scripts/headers-file.mjs";

const headersFile = readFileSync("public/_headers", "utf8");
const rules = parseHeadersFile(headersFile);
const csp = headersFor(rules, "/embed/index.html")["content-security-policy"] ?? "";

/** A policy as a map of directive → sources. */
function directives(policy: string): Map<string, string[]> {
  return new Map(
    policy
      .split(";")
      .map((d) => d.trim().split(/\s+/))
      .filter((d) => d[0])
      .map(([name, ...sources]) => [name ?? "", sources]),
  );
}

describe("the deployed Content-Security-Policy", () => {
  it("applies to every page, asset, worker and the service worker", () => {
    for (const path of ["/", "/train/", "/embed/", "/yours/", "/sw.js", "/assets/x.js"]) {
      expect(headersFor(rules, path)["content-security-policy"]).toBe(csp);
    }
    expect(headersFor(rules, "/sw.js")["cache-control"]).toBe("no-cache");
    expect(headersFor(rules, "/assets/a-1.js")["cache-control"]).toMatch(/immutable/);
    expect(headersFor(rules, "/index.html")["cache-control"]).toBeUndefined();
  });

  it("allows no inline script, no eval but wasm, and nothing from another origin", () => {
    const d = directives(csp);
    expect(d.get("default-src")).toEqual(["'self'"]);
    // blob: for the multithreaded wasm build's pthread workers (tfjs makes them from blobs).
    expect(d.get("script-src")).toEqual(["'self'", "'wasm-unsafe-eval'", "blob:"]);
    expect(d.get("worker-src")).toEqual(["'self'", "blob:"]);
    // Inline styles only as each page's own <meta> policy allows them: the hashes of its
    // stylesheet, or none (build/inlineStyles.ts; the browser enforces both policies).
    expect(d.get("style-src")).toEqual(["'self'", "'unsafe-inline'"]);
    expect(d.get("font-src")).toEqual(["'self'"]);
    expect(d.get("object-src")).toEqual(["'none'"]);
    for (const [name, sources] of d) {
      for (const s of sources)
        expect(s).toMatch(
          name === "style-src"
            ? /^('self'|'unsafe-inline')$/
            : /^('self'|'none'|'wasm-unsafe-eval'|blob:)$/,
        );
    }
    // Embeds must stay embeddable anywhere.
    expect(d.has("frame-ancestors")).toBe(false);
  });

  it("isolates the training page and its worker scripts, and nothing an LMS embeds", () => {
    for (const path of ["/train/", "/train/index.html"]) {
      expect(headersFor(rules, path)["cross-origin-opener-policy"]).toBe("same-origin");
      expect(headersFor(rules, path)["cross-origin-embedder-policy"]).toBe("require-corp");
    }
    expect(headersFor(rules, "/assets/train.worker-x.js")["cross-origin-embedder-policy"]).toBe(
      "require-corp",
    );
    for (const path of ["/", "/embed/", "/embed/index.html", "/yours/", "/embed.js", "/sw.js"]) {
      expect(headersFor(rules, path)["cross-origin-opener-policy"]).toBeUndefined();
      expect(headersFor(rules, path)["cross-origin-embedder-policy"]).toBeUndefined();
    }
  });

  it("is the same policy in the nginx and Apache examples", () => {
    for (const file of ["deploy/nginx.conf", "deploy/apache.htaccess"]) {
      const text = readFileSync(file, "utf8");
      const found = [...text.matchAll(/Content-Security-Policy "([^"]+)"/g)].map((m) => m[1]);
      expect(found.length, file).toBeGreaterThan(0);
      for (const policy of found) expect(policy, file).toBe(csp);
    }
  });
});
