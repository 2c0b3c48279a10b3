/**
 * Content before code: after Rollup has produced the pages' HTML, render each prerendered page
 * with React in Node (src/prerender/render.tsx, loaded through a Vite SSR server so that MDX,
 * KaTeX and the project's aliases work as in the browser build) and put the markup into the
 * page's root element. It runs in `generateBundle`, before Workbox (vite-plugin-pwa) hashes the
 * files for the offline precache, so the service worker caches the prerendered HTML.
 */
import { createServer, type Plugin } from "vite";

/** What src/prerender/render.tsx exports (typed here: the build config does not compile JSX). */
interface RenderModule {
  /** The prerendered pages, by their HTML file in the build ("index.html", "train/index.html"). */
  PRERENDERED_PAGES: Record<string, unknown>;
  renderPage(page: string): Promise<string>;
}

/** Where the root element sits in each page's HTML template. */
export const ROOT_ELEMENT = '<div id="root"></div>';

/** The page's HTML with `markup` inside its empty root element (exactly one must exist). */
export function fillRoot(html: string, markup: string): string {
  const at = html.indexOf(ROOT_ELEMENT);
  if (at < 0 || html.indexOf(ROOT_ELEMENT, at + 1) >= 0)
    throw new Error(`prerender: the page needs exactly one ${ROOT_ELEMENT}`);
  return `${html.slice(0, at)}<div id="root">${markup}</div>${html.slice(at + ROOT_ELEMENT.length)}`;
}

export function prerenderPlugin(root: string): Plugin {
  return {
    name: "focal-loss-explorer:prerender",
    apply: "build",
    enforce: "post",
    async generateBundle(_options, bundle) {
      const server = await createServer({
        root,
        logLevel: "error",
        mode: "production",
        appType: "custom",
        server: { middlewareMode: true, hmr: false, ws: false },
        optimizeDeps: { noDiscovery: true, include: [] },
      });
      try {
        const mod = (await server.ssrLoadModule("/src/prerender/render.tsx")) as RenderModule;
        for (const page of Object.keys(mod.PRERENDERED_PAGES)) {
          const asset = bundle[page];
          if (asset?.type !== "asset") throw new Error(`prerender: ${page} is not in the bundle`);
          asset.source = fillRoot(String(asset.source), await mod.renderPage(page));
        }
      } finally {
        await server.close();
      }
    },
  };
}
