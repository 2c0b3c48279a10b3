import { resolve } from "node:path";
import mdx from "@mdx-js/rollup";
import tailwindcss from "@tailwindcss/vite";
import react from "@vitejs/plugin-react";
import rehypeKatex from "rehype-katex";
import remarkMath from "remark-math";
import { defineConfig } from "vite";

/** Every page is its own HTML entry, so `dist/` works on any static host without rewrites. */
const PAGES = {
  explainer: resolve(import.meta.dirname, "index.html"),
};

export default defineConfig({
  // Relative asset URLs: the build works from a domain root or any sub-path (GitHub Pages).
  base: "./",
  plugins: [
    {
      enforce: "pre",
      // KaTeX runs here, at build time: the page ships typeset HTML + CSS, never KaTeX's JS.
      // `trust` only admits \htmlClass, which the article uses to tie terms to figures.
      ...mdx({
        remarkPlugins: [remarkMath],
        rehypePlugins: [
          [
            rehypeKatex,
            {
              trust: (ctx: { command: string }) => ctx.command === "\\htmlClass",
              strict: false,
            },
          ],
        ],
      }),
    },
    react({ include: /\.(mdx|tsx?)$/ }),
    tailwindcss(),
  ],
  build: {
    rollupOptions: { input: PAGES },
  },
});
