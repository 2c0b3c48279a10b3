/**
 * One licence file for everything the build bundles, pages and workers alike, so the bundles can
 * drop their `@license` comments (about 850 kB of them in the training worker, one Apache-2.0
 * header per tfjs source file). Vite's own `build.license` sees the page bundles only; the
 * worker bundles are separate builds, so both plugins below feed one shared list and the page
 * build writes it (worker bundles are built while the page build runs, before it writes files).
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join, sep } from "node:path";
import type { Plugin } from "vite";

export const LICENSES_FILE = "licenses.txt";

export interface PackageLicense {
  name: string;
  version: string;
  license: string;
  text: string | null;
}

/** The package a module id in node_modules belongs to (its nearest package.json with a name). */
export function packageOf(moduleId: string): PackageLicense | null {
  const clean = moduleId.split("?")[0] as string;
  if (!clean.includes(`${sep}node_modules${sep}`)) return null;
  let dir = dirname(clean);
  while (dir.includes(`${sep}node_modules${sep}`)) {
    const manifest = join(dir, "package.json");
    if (existsSync(manifest)) {
      const pkg = JSON.parse(readFileSync(manifest, "utf8")) as Record<string, unknown>;
      if (typeof pkg.name === "string" && typeof pkg.version === "string") {
        const file = readdirSync(dir).find((f) => /^(licen[cs]e|copying|notice)(\.|$)/i.test(f));
        return {
          name: pkg.name,
          version: pkg.version,
          license: typeof pkg.license === "string" ? pkg.license : "see text",
          text: file ? readFileSync(join(dir, file), "utf8").trim() : null,
        };
      }
    }
    dir = dirname(dir);
  }
  return null;
}

/** The licence file's text: one section per package, sorted by name. */
export function licensesText(packages: Iterable<PackageLicense>): string {
  const sorted = [...packages].sort((a, b) => a.name.localeCompare(b.name));
  const sections = sorted.map(
    (p) =>
      `${p.name} ${p.version} (${p.license})\n${"-".repeat(60)}\n${p.text ?? `No licence file in the package; its package.json says ${p.license}.`}\n`,
  );
  return `Third-party software bundled into this site's JavaScript, with its licences.\nThe bundles themselves carry no licence comments; this file replaces them.\n\n${sections.join("\n")}`;
}

/** Two plugins sharing one list: `page` for `plugins`, `worker` for `worker.plugins`. */
export function bundledLicenses(): { page: Plugin; worker: Plugin } {
  const found = new Map<string, PackageLicense>();
  const collect = (moduleIds: Iterable<string>) => {
    for (const id of moduleIds) {
      const pkg = packageOf(id);
      if (pkg) found.set(`${pkg.name}@${pkg.version}`, pkg);
    }
  };
  return {
    worker: {
      name: "bundled-licenses:worker",
      generateBundle(_, bundle) {
        for (const chunk of Object.values(bundle))
          if (chunk.type === "chunk") collect(chunk.moduleIds);
      },
    },
    page: {
      name: "bundled-licenses:page",
      apply: "build",
      generateBundle(_, bundle) {
        for (const chunk of Object.values(bundle))
          if (chunk.type === "chunk") collect(chunk.moduleIds);
        this.emitFile({
          type: "asset",
          fileName: LICENSES_FILE,
          source: licensesText(found.values()),
        });
      },
    },
  };
}
