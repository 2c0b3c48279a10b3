/**
 * The build side of katexStyles.ts: the MDX rehype step registers each equation's inline styles
 * in `registry`; this plugin gives every compiled `.mdx` module an import of one virtual
 * stylesheet holding the generated rules, so they ship as an ordinary CSS file.
 */
import type { Plugin } from "vite";
import { StyleRegistry } from "./katexStyles";

const ID = "virtual:katex-inline-styles.css";
const RESOLVED = `\0${ID}`;

export function katexInlineStyles(): { registry: StyleRegistry; plugin: Plugin } {
  const registry = new StyleRegistry();
  const plugin: Plugin = {
    name: "katex-inline-styles",
    enforce: "post",
    resolveId(id) {
      return id === ID ? RESOLVED : undefined;
    },
    load(id) {
      // Loaded after the .mdx module that imports it has been compiled (and has registered).
      return id === RESOLVED ? registry.css() : undefined;
    },
    transform(code, id) {
      if (!id.endsWith(".mdx")) return undefined;
      return { code: `import ${JSON.stringify(ID)};\n${code}`, map: null };
    },
  };
  return { registry, plugin };
}
