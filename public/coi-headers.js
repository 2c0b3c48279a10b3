/*
 * Cross-origin isolation from the service worker, for static hosts that cannot send headers
 * (GitHub Pages). Imported into Workbox's generated sw.js (vite.config.ts, `importScripts`),
 * ahead of Workbox's own fetch handler. It adds COOP/COEP to what the worker serves for the
 * training page, and COEP to worker scripts, the same headers public/_headers sends; the page
 * is then isolated from the first visit the worker controls (multithreaded wasm). Nothing else
 * changes: the explainer and /embed/ (iframed by LMS pages, which may need window.opener) keep
 * their headers, and no page reloads itself. Headers a host already sent are kept.
 */
self.addEventListener("fetch", (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  const root = new URL(self.registration.scope).pathname;
  const path = url.pathname.startsWith(root) ? `/${url.pathname.slice(root.length)}` : "";
  const page = request.mode === "navigate" && /^\/train\/(index\.html)?$/.test(path);
  if (!page && request.destination !== "worker") return;
  // Workbox answers after this listener: wrap its answer instead of making our own.
  const respondWith = event.respondWith.bind(event);
  event.respondWith = (response) =>
    respondWith(Promise.resolve(response).then((r) => isolated(r, page)));
});

function isolated(response, page) {
  if (!response || response.status === 0 || response.type === "opaqueredirect") return response;
  const headers = new Headers(response.headers);
  if (!headers.has("Cross-Origin-Embedder-Policy"))
    headers.set("Cross-Origin-Embedder-Policy", "require-corp");
  if (page && !headers.has("Cross-Origin-Opener-Policy"))
    headers.set("Cross-Origin-Opener-Policy", "same-origin");
  return new Response(response.body, {
    status: response.status,
    statusText: response.statusText,
    headers,
  });
}
