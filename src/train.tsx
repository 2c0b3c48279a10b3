import { StrictMode } from "react";
import "./styles.css";
import { hydratePage } from "./pages/hydrate";
import { registerServiceWorker } from "./pages/serviceWorker";
import { TrainPage } from "./pages/train/TrainPage";

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
