/**
 * Build-time rendering (build/prerender.ts loads this in Node through Vite): each page's HTML at
 * its default state, with every lazily loaded figure resolved, so the server sends the article,
 * its equations and its figures before any JavaScript runs. The browser entry then hydrates the
 * same tree. No DOM here: whatever touches `window` must do so in effects or handlers.
 */
import { StrictMode } from "react";
import { prerenderToNodeStream } from "react-dom/static";
import Article from "../content/article.mdx";
import { ServerArticleContext } from "../pages/explainer/ArticleBody";
import { ARTICLE_COMPONENTS } from "../pages/explainer/articleComponents";
import { ExplainerPage } from "../pages/explainer/ExplainerPage";
import { TrainPage } from "../pages/train/TrainPage";

/** The explainer's article, imported directly (see ServerArticleContext). */
function ServerArticle() {
  return <Article components={ARTICLE_COMPONENTS} />;
}

export const PRERENDERED_PAGES = {
  "index.html": () => (
    <ServerArticleContext.Provider value={ServerArticle}>
      <ExplainerPage />
    </ServerArticleContext.Provider>
  ),
  "train/index.html": () => <TrainPage />,
} as const;

export type PrerenderedPage = keyof typeof PRERENDERED_PAGES;

/** The page's markup for its root element (React's own, ready for hydrateRoot). */
export async function renderPage(page: PrerenderedPage): Promise<string> {
  const Page = PRERENDERED_PAGES[page];
  const { prelude } = await prerenderToNodeStream(
    <StrictMode>
      <Page />
    </StrictMode>,
    // One document, no streamed segments: those are revealed by inline scripts, which the
    // site's Content-Security-Policy refuses (and which a static page does not need).
    { progressiveChunkSize: Number.POSITIVE_INFINITY },
  );
  let html = "";
  for await (const chunk of prelude) html += chunk.toString();
  return html;
}
