/*
 * Focal Loss Explorer: fits our embedded charts' iframes to their content.
 * Add once per page, after or before the iframes:
 *   <script src="https://YOUR-SITE/embed.js" async></script>
 * It only reacts to height messages that come from this script's own origin and from one of
 * the page's iframes, and only ever sets that iframe's height. Nothing else, no tracking.
 */
(function () {
  "use strict";
  var HEIGHT = "focal-loss-explorer:embed-height";
  var PING = "focal-loss-explorer:embed-ping";
  var script = document.currentScript;
  if (!script || window.__focalLossExplorerEmbed) return;
  window.__focalLossExplorerEmbed = true;
  var origin = new URL(script.src, window.location.href).origin;

  function ours(frame) {
    try {
      return new URL(frame.src, window.location.href).origin === origin;
    } catch (e) {
      return false;
    }
  }

  window.addEventListener("message", function (event) {
    var data = event.data;
    if (event.origin !== origin || !data || data.type !== HEIGHT) return;
    var height = Number(data.height);
    if (!isFinite(height) || height <= 0) return;
    var frames = document.getElementsByTagName("iframe");
    for (var i = 0; i < frames.length; i++) {
      if (frames[i].contentWindow === event.source && ours(frames[i])) {
        frames[i].style.height = Math.min(Math.ceil(height), 20000) + "px";
      }
    }
  });

  // Frames that loaded before this script ran have already reported: ask them again.
  function ping() {
    var frames = document.getElementsByTagName("iframe");
    for (var i = 0; i < frames.length; i++) {
      if (ours(frames[i]) && frames[i].contentWindow) {
        frames[i].contentWindow.postMessage({ type: PING }, origin);
      }
    }
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", ping);
  else ping();
})();
