/**
 * The class of a run of the article's prose between two figures. The build wraps each run in one
 * element of this class (build/rehypeArticleParts.ts, given it by vite.config.ts); the browser
 * adopts those elements as static HTML (pages/explainer/ArticleBody.tsx); styles.css lays them
 * out as if they were not there (`display: contents`).
 */
export const ARTICLE_PART_CLASS = "article-part";
