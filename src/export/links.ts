/**
 * Links and embed code for one chart in one state, and the names of exported files. Pure: every
 * function takes the page's address as a string.
 */

/**
 * The site's root URL from a page's address and that page's path below the root ("" for the
 * explainer, "train/" for the training page): query, hash and file name dropped.
 */
export function siteRootOf(href: string, pagePath: string): string {
  const url = new URL(href);
  url.search = "";
  url.hash = "";
  let dir = url.pathname.replace(/[^/]*$/, "");
  if (pagePath && dir.endsWith(pagePath)) dir = dir.slice(0, -pagePath.length);
  url.pathname = dir;
  return url.href;
}

/**
 * A link to this state, scrolled to the chart: the state's parameters replace the page's,
 * other parameters (lesson flags) stay, the hash names the chart.
 */
export function chartLink(href: string, stateQuery: string, chartId: string): string {
  const url = new URL(href);
  const state = new URLSearchParams(stateQuery);
  const rest = new URLSearchParams(url.search);
  for (const name of state.keys()) rest.delete(name);
  const tail = rest.toString();
  url.search = tail ? `${stateQuery}&${tail}` : stateQuery;
  url.hash = chartId;
  return url.href;
}

/** The chart's settings: its own parameters, in order, with their values in `stateQuery`. */
export function settingsOf(
  stateQuery: string,
  params: readonly string[],
): [name: string, value: string][] {
  const state = new URLSearchParams(stateQuery);
  return params.flatMap((p) => {
    const v = state.get(p);
    return v === null ? [] : [[p, v] as [string, string]];
  });
}

/** `gamma=2&family=0`: settings as a query string. */
export function settingsQuery(settings: readonly [string, string][]): string {
  return new URLSearchParams(settings.map(([k, v]) => [k, v])).toString();
}

/** The embed page's URL for a chart, its settings and the non-default display options. */
export function embedUrl(
  siteRoot: string,
  chartId: string,
  settings: readonly [string, string][],
  optionsQuery = "",
): string {
  const query = [`chart=${encodeURIComponent(chartId)}`, settingsQuery(settings), optionsQuery]
    .filter(Boolean)
    .join("&");
  return `${siteRoot}embed/?${query}`;
}

function escapeHtml(text: string): string {
  return text
    .replaceAll("&", "&amp;")
    .replaceAll('"', "&quot;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;");
}

/**
 * The embed code a teacher pastes: an iframe that looks right on its own at `height`, and
 * (optionally) the one-line resize script from our own site that fits the frame to its content.
 */
export function embedSnippet(opts: {
  url: string;
  title: string;
  height: number;
  siteRoot: string;
  withScript: boolean;
}): string {
  const label = escapeHtml(`${opts.title} (interactive chart, Focal Loss Explorer)`);
  const iframe =
    `<iframe src="${escapeHtml(opts.url)}" title="${label}" aria-label="${label}" ` +
    `width="100%" height="${Math.round(opts.height)}" loading="lazy" ` +
    `style="width: 100%; max-width: 100%; border: 0;"></iframe>`;
  if (!opts.withScript) return iframe;
  return `${iframe}\n<script src="${escapeHtml(`${opts.siteRoot}embed.js`)}" async></script>`;
}

/** A file name stem that carries the settings: `loss-vs-pt_gamma-2_family-0_logy-0`. */
export function fileStem(chartId: string, settings: readonly [string, string][]): string {
  const parts = settings.map(([k, v]) => `${k}-${v}`.replaceAll(/[^\w.-]+/g, "_"));
  return [chartId, ...parts].join("_");
}
