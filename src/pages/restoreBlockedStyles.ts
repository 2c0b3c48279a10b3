/**
 * The prerendered pages carry the site's stylesheet inline (build/inlineStyles.ts), allowed by
 * their own `<meta>` policy and by the host's header (`style-src 'self' 'unsafe-inline'`,
 * docs/deploy.md). A host that still sends the older header (`style-src 'self'`) blocks those
 * rules, and the page would stay unstyled. Then load the same rules from the file the build
 * keeps, named by the `<style>` element. Returns whether it had to.
 */
export function restoreBlockedStyles(doc: Document = document): boolean {
  let restored = false;
  for (const style of doc.querySelectorAll<HTMLStyleElement>("style[data-href]")) {
    // A style element the policy refused has no stylesheet.
    if (style.sheet !== null) continue;
    const href = style.dataset.href;
    if (!href) continue;
    const link = doc.createElement("link");
    link.rel = "stylesheet";
    link.href = href;
    style.after(link);
    restored = true;
  }
  return restored;
}
