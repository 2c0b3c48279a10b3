/**
 * A chart as one self-contained SVG file: the chart's SVG elements and its HTML around them
 * (legend, headings, readouts) drawn as SVG at the positions they have on screen, with every
 * colour, font and stroke resolved from CSS (custom properties, Tailwind classes, dark mode)
 * into plain presentation attributes. No classes, no CSS variables, no external references:
 * Inkscape, Illustrator, PowerPoint, Keynote and browsers read it alike.
 */
import { resolveColor } from "./colors";

const SVG_NS = "http://www.w3.org/2000/svg";

/** Properties inlined on SVG shapes and text, as presentation attributes. */
const SHAPE_PROPS = [
  "fill",
  "fill-opacity",
  "stroke",
  "stroke-width",
  "stroke-opacity",
  "stroke-dasharray",
  "stroke-linejoin",
  "stroke-linecap",
  "opacity",
] as const;
const TEXT_PROPS = ["font-family", "font-size", "font-weight", "text-anchor"] as const;
const COLOR_PROPS = new Set(["fill", "stroke"]);

export interface SvgSnapshot {
  svg: string;
  width: number;
  height: number;
}

export interface SnapshotMeta {
  /** Shown above the chart and written to the SVG's <title>. */
  title: string;
  /** Written to <desc>: the settings and a link back. */
  desc: string;
  /** A line drawn below the chart ("Focal Loss Explorer — <link>"), if any. */
  source?: string;
}

const TITLE_BAND = 30;
const SOURCE_BAND = 22;
const PAD = 12;

/** Draw `root` (the chart area of a figure) and a title line as a standalone SVG document. */
export function snapshotSvg(root: HTMLElement, meta: SnapshotMeta): SvgSnapshot {
  const box = root.getBoundingClientRect();
  const width = Math.round(box.width + 2 * PAD);
  const height = Math.round(box.height + TITLE_BAND + 2 * PAD + (meta.source ? SOURCE_BAND : 0));
  const doc = document.implementation.createDocument(SVG_NS, "svg", null);
  const svg = doc.documentElement;
  svg.setAttribute("width", String(width));
  svg.setAttribute("height", String(height));
  svg.setAttribute("viewBox", `0 0 ${width} ${height}`);
  const title = el(doc, "title", {});
  title.textContent = meta.title;
  const desc = el(doc, "desc", {});
  desc.textContent = meta.desc;
  svg.append(title, desc);

  const style = getComputedStyle(root);
  const panel = root.closest("figure") ?? root;
  const background = resolveColor(getComputedStyle(panel).backgroundColor);
  svg.append(
    el(doc, "rect", {
      width: String(width),
      height: String(height),
      fill: background.alpha > 0 ? background.hex : "#ffffff",
    }),
  );
  const heading = el(doc, "text", {
    x: String(PAD),
    y: String(PAD + 16),
    "font-family": style.fontFamily,
    "font-size": "15",
    "font-weight": "600",
    fill: resolveColor(style.color).hex,
  });
  heading.textContent = meta.title;
  svg.append(heading);

  if (meta.source) {
    const source = el(doc, "text", {
      x: String(PAD),
      y: String(height - PAD),
      "font-family": style.fontFamily,
      "font-size": "11",
      fill: resolveColor(getComputedStyle(panel).color).hex,
    });
    source.textContent = meta.source;
    svg.append(source);
  }

  const body = el(doc, "g", { transform: `translate(${PAD},${PAD + TITLE_BAND})` });
  svg.append(body);
  const origin = { x: box.left, y: box.top };
  drawHtml(doc, body, root, origin);
  renameIds(svg);
  return { svg: new XMLSerializer().serializeToString(doc), width, height };
}

function el(doc: Document, name: string, attrs: Record<string, string>): Element {
  const node = doc.createElementNS(SVG_NS, name);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  return node;
}

/** Walk HTML: boxes with a background become rects, text becomes text, SVGs are copied. */
function drawHtml(doc: Document, out: Element, node: Element, origin: { x: number; y: number }) {
  const style = getComputedStyle(node);
  if (style.display === "none" || style.visibility === "hidden") return;
  if (node instanceof SVGSVGElement) {
    out.append(copySvg(doc, node, origin));
    return;
  }
  if (node.classList.contains("sr-only")) return;
  const bg = resolveColor(style.backgroundColor);
  if (bg.alpha > 0 && node !== node.ownerDocument.body) {
    const r = node.getBoundingClientRect();
    out.append(
      el(doc, "rect", {
        x: fmt(r.left - origin.x),
        y: fmt(r.top - origin.y),
        width: fmt(r.width),
        height: fmt(r.height),
        rx: String(Number.parseFloat(style.borderTopLeftRadius) || 0),
        fill: bg.hex,
        ...(bg.alpha < 1 ? { "fill-opacity": fmt(bg.alpha) } : {}),
      }),
    );
  }
  for (const child of node.childNodes) {
    if (child instanceof Element) drawHtml(doc, out, child, origin);
    else if (child.nodeType === Node.TEXT_NODE) drawText(doc, out, child as Text, style, origin);
  }
}

/** A text node as one <text> per line it occupies on screen. */
function drawText(
  doc: Document,
  out: Element,
  node: Text,
  style: CSSStyleDeclaration,
  origin: { x: number; y: number },
) {
  const text = node.data.replace(/\s+/g, " ");
  if (!text.trim()) return;
  const range = document.createRange();
  const lines = new Map<number, { x: number; bottom: number; words: string[] }>();
  // Words grouped by the line box they are on, so wrapped text stays where it was.
  let offset = 0;
  for (const word of node.data.split(/(\s+)/)) {
    const start = offset;
    offset += word.length;
    if (!word.trim()) continue;
    range.setStart(node, start);
    range.setEnd(node, offset);
    const r = range.getBoundingClientRect();
    if (r.width === 0 && r.height === 0) continue;
    const key = Math.round(r.top);
    const line = lines.get(key) ?? { x: r.left, bottom: r.bottom, words: [] };
    line.words.push(word);
    lines.set(key, line);
  }
  const size = Number.parseFloat(style.fontSize);
  const color = resolveColor(style.color);
  for (const line of lines.values()) {
    const t = el(doc, "text", {
      x: fmt(line.x - origin.x),
      // Baseline: the line box's bottom less the font's descent (about 0.24 em).
      y: fmt(line.bottom - origin.y - size * 0.24),
      "font-family": style.fontFamily,
      "font-size": fmt(size),
      "font-weight": style.fontWeight,
      fill: color.hex,
    });
    t.textContent = line.words.join(" ");
    out.append(t);
  }
}

/** Copy an on-screen <svg> with its computed styles inlined, placed where it is on screen. */
function copySvg(doc: Document, live: SVGSVGElement, origin: { x: number; y: number }): Element {
  const r = live.getBoundingClientRect();
  const copy = doc.importNode(live, true) as Element;
  copy.setAttribute("x", fmt(r.left - origin.x));
  copy.setAttribute("y", fmt(r.top - origin.y));
  copy.setAttribute("width", fmt(r.width));
  copy.setAttribute("height", fmt(r.height));
  copy.setAttribute("overflow", "visible");
  for (const name of ["tabindex", "class", "style", "focusable"]) copy.removeAttribute(name);
  const liveNodes = [...live.querySelectorAll("*")];
  const copyNodes = [...copy.querySelectorAll("*")];
  liveNodes.forEach((node, i) => {
    const target = copyNodes[i];
    if (target) inlineStyle(node, target);
  });
  return copy;
}

function inlineStyle(live: Element, copy: Element) {
  copy.removeAttribute("class");
  copy.removeAttribute("style");
  const tag = live.tagName.toLowerCase();
  if (tag === "defs" || tag === "clippath" || tag === "title") return;
  const style = getComputedStyle(live);
  if (style.display === "none") {
    copy.setAttribute("display", "none");
    return;
  }
  const props: readonly string[] =
    tag === "text" || tag === "tspan" ? [...SHAPE_PROPS, ...TEXT_PROPS] : SHAPE_PROPS;
  if (tag === "g" || tag === "svg") {
    if (style.opacity !== "1") copy.setAttribute("opacity", style.opacity);
    return;
  }
  for (const prop of props) {
    const value = style.getPropertyValue(prop);
    if (!value) continue;
    if (COLOR_PROPS.has(prop)) {
      if (value === "none") {
        copy.setAttribute(prop, "none");
        continue;
      }
      // A pattern fill (bar segments told apart without colour): keep the reference.
      const ref = value.match(/url\("?#([^")]+)"?\)/)?.[1];
      if (ref) {
        copy.setAttribute(prop, `url(#${ref})`);
        continue;
      }
      const c = resolveColor(value);
      copy.setAttribute(prop, c.alpha === 0 ? "none" : c.hex);
      if (c.alpha > 0 && c.alpha < 1) copy.setAttribute(`${prop}-opacity`, fmt(c.alpha));
    } else if (prop === "stroke-dasharray") {
      if (value !== "none")
        copy.setAttribute(prop, value.replaceAll("px", "").replaceAll(",", " "));
    } else if (prop === "font-size" || prop === "stroke-width") {
      copy.setAttribute(prop, fmt(Number.parseFloat(value)));
    } else if (prop.endsWith("opacity")) {
      if (value !== "1") copy.setAttribute(prop, value);
    } else {
      copy.setAttribute(prop, value);
    }
  }
}

/** React's generated ids (`«r1»`, `_r_1_`) as plain XML names that every editor accepts. */
function renameIds(svg: Element) {
  const names = new Map<string, string>();
  for (const node of svg.querySelectorAll("[id]")) {
    const next = `clip-${names.size + 1}`;
    names.set(node.id, next);
    node.id = next;
  }
  for (const attr of ["clip-path", "fill", "stroke"]) {
    for (const node of svg.querySelectorAll(`[${attr}^="url("]`)) {
      const ref = node.getAttribute(attr)?.match(/url\(#(.+)\)/)?.[1];
      const name = ref && names.get(ref);
      if (name) node.setAttribute(attr, `url(#${name})`);
    }
  }
}

function fmt(v: number): string {
  return String(Math.round(v * 100) / 100);
}
