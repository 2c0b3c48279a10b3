/**
 * The `_headers` file format of Netlify and Cloudflare Pages, as far as our file uses it: a line
 * with a path pattern (`*` matches any run of characters), then indented `Name: value` lines;
 * `#` starts a comment. Every rule whose pattern matches a path applies, in file order; a header
 * named twice is joined with ", " (what both hosts document for overlapping rules).
 */
import { readFileSync } from "node:fs";

/** @returns {{ pattern: RegExp, source: string, headers: [string, string][] }[]} */
export function parseHeadersFile(text) {
  const rules = [];
  for (const raw of text.split(/\r?\n/)) {
    if (raw.trim() === "" || raw.trim().startsWith("#")) continue;
    if (!/^\s/.test(raw)) {
      const source = raw.trim();
      const escaped = source.replace(/[.+?^${}()|[\]\\]/g, "\\$&").replaceAll("*", ".*");
      rules.push({ pattern: new RegExp(`^${escaped}$`), source, headers: [] });
      continue;
    }
    const rule = rules.at(-1);
    const colon = raw.indexOf(":");
    if (!rule || colon < 0) throw new Error(`_headers: cannot read line "${raw}"`);
    rule.headers.push([raw.slice(0, colon).trim(), raw.slice(colon + 1).trim()]);
  }
  return rules;
}

/** The headers for one URL path. */
export function headersFor(rules, path) {
  const out = {};
  for (const rule of rules) {
    if (!rule.pattern.test(path)) continue;
    for (const [name, value] of rule.headers) {
      const key = name.toLowerCase();
      out[key] = out[key] ? `${out[key]}, ${value}` : value;
    }
  }
  return out;
}

export function readHeadersFile(file) {
  return parseHeadersFile(readFileSync(file, "utf8"));
}
