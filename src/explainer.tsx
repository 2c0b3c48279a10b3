import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import "./styles.css";
import { ExplainerPage } from "./pages/explainer/ExplainerPage";
import { registerServiceWorker } from "./pages/serviceWorker";

const root = document.getElementById("root");
if (root)
  createRoot(root).render(
    <StrictMode>
      <ExplainerPage />
    </StrictMode>,
  );
// The site's root is one level above the entry chunk (assets/).
if (import.meta.env.PROD) registerServiceWorker(new URL(/* @vite-ignore */ "../", import.meta.url));
