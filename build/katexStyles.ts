/**
 * KaTeX writes its layout into inline `style="…"` attributes (heights, vertical offsets, margins).
 * A Content-Security-Policy without `'unsafe-inline'` in `style-src` drops every one of them, and
 * the equations collapse. This turns each distinct inline style into a class with one generated
 * rule, shipped in an ordinary stylesheet, so the typeset HTML carries no `style` attribute and
 * the site works under `style-src 'self'`.
 */

/** Every distinct style seen, each with its class; the stylesheet is built from all of them. */
export class StyleRegistry {
  private readonly classes = new Map<string, string>();

  /** The class for one inline style (same style, same class: names are a hash of the style). */
  classFor(style: string): string {
    const normalized = normalizeStyle(style);
    let name = this.classes.get(normalized);
    if (!name) {
      name = `kx-${hash(normalized)}`;
      this.classes.set(normalized, name);
    }
    return name;
  }

  /**
   * One rule per style. `!important` keeps the precedence the inline style had over KaTeX's own
   * rules (such as `.katex .vlist>span{height:0}`); the doubled class lifts the rule above
   * KaTeX's few `!important` declarations' specificity too.
   */
  css(): string {
    return [...this.classes]
      .sort(([, a], [, b]) => a.localeCompare(b))
      .map(([style, name]) => {
        const declarations = style
          .split(";")
          .filter((d) => d.trim() !== "")
          .map((d) => `${d.trim()}!important`)
          .join(";");
        return `.katex .${name}.${name}{${declarations}}`;
      })
      .join("\n");
  }

  get size(): number {
    return this.classes.size;
  }
}

/** `height:0.8em; vertical-align:-0.2em;` and `height:0.8em;vertical-align:-0.2em` are one style. */
export function normalizeStyle(style: string): string {
  return style
    .split(";")
    .map((d) => d.trim().replace(/\s*:\s*/, ":"))
    .filter((d) => d !== "")
    .join(";");
}

/** FNV-1a, 32 bits, in base 36: short, stable across builds and machines. */
function hash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(36);
}

const TAG = /<([a-zA-Z][\w-]*)(\s[^<>]*?)?(\/?)>/g;
const STYLE_ATTR = /\sstyle="([^"]*)"/;
const CLASS_ATTR = /\sclass="([^"]*)"/;

/**
 * KaTeX's HTML with every `style="…"` attribute replaced by a class from `registry`. Only
 * opening tags are touched; attribute values from KaTeX never hold a raw `"` or `>` (it escapes
 * them), which is what lets a tag be matched without a full HTML parser.
 */
export function inlineStylesToClasses(html: string, registry: StyleRegistry): string {
  return html.replace(TAG, (tag, name: string, attrs = "", selfClosing: string) => {
    const style = STYLE_ATTR.exec(attrs);
    if (!style) return tag;
    let rest = attrs.replace(STYLE_ATTR, "");
    if (normalizeStyle(style[1] ?? "") === "") return `<${name}${rest}${selfClosing}>`;
    const className = registry.classFor(style[1] ?? "");
    rest = CLASS_ATTR.test(rest)
      ? rest.replace(CLASS_ATTR, (_: string, c: string) => ` class="${c} ${className}"`)
      : `${rest} class="${className}"`;
    return `<${name}${rest}${selfClosing}>`;
  });
}
