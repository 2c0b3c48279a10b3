import { StrictMode } from "react";
import "./styles.css";
import { hydratePage } from "./pages/hydrate";
import { restoreBlockedStyles } from "./pages/restoreBlockedStyles";
import { registerServiceWorker } from "./pages/serviceWorker";
import { TrainPage } from "./pages/train/TrainPage";

// Its stylesheet is inline; a host whose policy refuses that gets the same rules from the file.
restoreBlockedStyles();
// The HTML holds the page prerendered at build time (build/prerender.ts): hydrate it.
const root = document.getElementById("root");
if (root)
  hydratePage(
    root,
    <StrictMode>
      <TrainPage />
    </StrictMode>,
  );
// The site's root is one level above the entry chunk (assets/).
if (import.meta.env.PROD) registerServiceWorker(new URL(/* @vite-ignore */ "../", import.meta.url));
