import { resolve } from "node:path";
import mdx from "@mdx-js/rollup";
import tailwindcss from "@tailwindcss/vite";
import react from "@vitejs/plugin-react";
import remarkMath from "remark-math";
import { defineConfig } from "vite";
import { bundleGraphPlugin } from "./build/bundleGraph";
import rehypeKatexHtml from "./build/rehypeKatexHtml";

/** Every page is its own HTML entry, so `dist/` works on any static host without rewrites. */
const PAGES = {
  explainer: resolve(import.meta.dirname, "index.html"),
  embed: resolve(import.meta.dirname, "embed/index.html"),
  train: resolve(import.meta.dirname, "train/index.html"),
  yours: resolve(import.meta.dirname, "yours/index.html"),
};

export default defineConfig({
  // Relative asset URLs: the build works from a domain root or any sub-path (GitHub Pages).
  base: "./",
  plugins: [
    {
      enforce: "pre",
      // KaTeX runs here, at build time: the page ships typeset HTML + CSS, never KaTeX's JS.
      ...mdx({ remarkPlugins: [remarkMath], rehypePlugins: [rehypeKatexHtml] }),
    },
    react({ include: /\.(mdx|tsx?)$/ }),
    tailwindcss(),
    bundleGraphPlugin(import.meta.dirname),
  ],
  build: {
    rollupOptions: { input: PAGES },
  },
});
