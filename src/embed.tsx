/**
 * The embed page (`/embed/?chart=…`): one chart, no site chrome, for iframes on course pages.
 * It reads its own query once, stores nothing, reads no cookies or storage, and listens to no
 * message that could change what it shows.
 */
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import "./styles.css";
import { siteRootOf } from "./export/links";
import { EmbedPage } from "./pages/embed/EmbedPage";
import { watchFrame } from "./pages/embed/frame";
import { registerServiceWorker } from "./pages/serviceWorker";
import { CHART_IDS, CHARTS } from "./state/charts";
import { parseEmbedQuery } from "./state/embed";

const query = window.location.search;
const request = parseEmbedQuery(query, CHART_IDS);
const html = document.documentElement;
html.classList.add("embed");
if (request.options.theme !== "auto") html.classList.add(`theme-${request.options.theme}`);
if (request.ok) document.title = `${CHARTS[request.chart].title} — Focal Loss Explorer`;

const root = document.getElementById("root");
if (root) {
  createRoot(root).render(
    <StrictMode>
      <EmbedPage
        request={request}
        query={query}
        siteRoot={siteRootOf(window.location.href, "embed/")}
      />
    </StrictMode>,
  );
  watchFrame(root, request.options.fit);
}
// The site's root is one level above the entry chunk (assets/).
if (import.meta.env.PROD) registerServiceWorker(new URL(/* @vite-ignore */ "../", import.meta.url));
