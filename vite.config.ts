import { resolve } from "node:path";
import mdx from "@mdx-js/rollup";
import tailwindcss from "@tailwindcss/vite";
import react from "@vitejs/plugin-react";
import remarkMath from "remark-math";
import { defineConfig } from "vite";
import { VitePWA } from "vite-plugin-pwa";
import { bundleGraphPlugin } from "./build/bundleGraph";
import { INLINE_STYLE_PAGES, inlineStylesPlugin } from "./build/inlineStyles";
import { katexInlineStyles } from "./build/katexStylesPlugin";
import { bundledLicenses } from "./build/licenses";
import { prerenderPlugin } from "./build/prerender";
import rehypeArticleParts from "./build/rehypeArticleParts";
import rehypeKatexHtml from "./build/rehypeKatexHtml";
import { tfjsWasmThreadsFix } from "./build/tfjsWasmThreadsFix";
import { ARTICLE_PART_CLASS } from "./src/content/articleParts";

/** Every page is its own HTML entry, so `dist/` works on any static host without rewrites. */
const PAGES = {
  explainer: resolve(import.meta.dirname, "index.html"),
  embed: resolve(import.meta.dirname, "embed/index.html"),
  train: resolve(import.meta.dirname, "train/index.html"),
  yours: resolve(import.meta.dirname, "yours/index.html"),
};

/** React's own packages, one chunk (see build.rolldownOptions below). */
const REACT_MODULES = /[\\/]node_modules[\\/](react|react-dom|scheduler)[\\/]/;

const katexStyles = katexInlineStyles();
const licenses = bundledLicenses();

export default defineConfig({
  // Relative asset URLs: the build works from a domain root or any sub-path (GitHub Pages).
  base: "./",
  plugins: [
    {
      enforce: "pre",
      // KaTeX runs here, at build time: the page ships typeset HTML + CSS, never KaTeX's JS.
      ...mdx({
        remarkPlugins: [remarkMath],
        rehypePlugins: [
          [rehypeKatexHtml, { styles: katexStyles.registry }],
          [rehypeArticleParts, { partClass: ARTICLE_PART_CLASS }],
        ],
      }),
    },
    katexStyles.plugin,
    react({ include: /\.(mdx|tsx?)$/ }),
    tailwindcss(),
    bundleGraphPlugin(import.meta.dirname),
    prerenderPlugin(import.meta.dirname),
    // The stylesheet inside the prerendered pages' HTML, each page with a <meta> style policy of
    // its own (build/inlineStyles.ts): their first paint waits for no other request.
    // With them, the article chunk's CSS: KaTeX's layout classes for the prerendered equations.
    inlineStylesPlugin(INLINE_STYLE_PAGES, { alsoCssOf: /katex-inline-styles/ }),
    // Threaded wasm survives the minifier (build/tfjsWasmThreadsFix.ts); also in worker.plugins.
    tfjsWasmThreadsFix(),
    // Licences of everything bundled, in dist/licenses.txt instead of comments in the bundles.
    licenses.page,
    // Offline (docs/offline.md): Workbox's generateSW precaches the whole built site. The worker
    // is registered by our own code (src/pages/serviceWorker.ts), not by the plugin, because
    // the plugin's registration is document-relative and fails on /train/ and /embed/.
    VitePWA({
      injectRegister: false,
      // Our own public/manifest.webmanifest, linked from each page with a page-relative path.
      manifest: false,
      registerType: "prompt",
      workbox: {
        globPatterns: ["**/*.{html,js,css,woff2,wasm,json,webmanifest,svg,png,csv,npy,npz}"],
        // Fonts: browsers that take woff2 (all that run this site) never ask for .woff/.ttf.
        // All three wasm builds: the threaded one runs where the page is cross-origin isolated.
        globIgnores: ["_headers"],
        // Four HTML entries, no single-page fallback: an unknown URL stays a 404.
        navigateFallback: null,
        // Every query parameter is page state (/embed/?chart=…): one cached page serves them all.
        ignoreURLParametersMatching: [/.*/],
        // The training worker bundle is about 1 MB; Workbox skips files over 2 MiB by default.
        maximumFileSizeToCacheInBytes: 8 * 1024 * 1024,
        cleanupOutdatedCaches: true,
        // Adds COOP/COEP to the training page where the host cannot (public/coi-headers.js).
        importScripts: ["coi-headers.js"],
        // Prompt flow: a new version waits until the reader reloads into it (never mixed).
        skipWaiting: false,
        clientsClaim: false,
      },
    }),
  ],
  worker: {
    format: "es",
    plugins: () => [tfjsWasmThreadsFix(), licenses.worker],
    // Vite keeps every comment in worker bundles (page bundles drop them when minifying); the
    // licences they carried are in dist/licenses.txt.
    rolldownOptions: { output: { comments: false } },
  },
  build: {
    rolldownOptions: {
      input: PAGES,
      output: {
        // React in a chunk of its own, named for what it is: it is most of every page's JavaScript
        // before interactive (`npm run bench` prints its share), and its file name changes only
        // with React's code or Rolldown's runtime chunk, not with the site's own code.
        codeSplitting: { groups: [{ name: "react", test: REACT_MODULES }] },
      },
    },
    // Fonts stay files: a `data:` font is blocked by `font-src 'self'` (docs/deploy.md).
    assetsInlineLimit: (file) => (/\.(woff2?|ttf)$/.test(file) ? false : undefined),
  },
});
