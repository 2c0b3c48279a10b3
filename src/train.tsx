import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import "./styles.css";
import { registerServiceWorker } from "./pages/serviceWorker";
import { TrainPage } from "./pages/train/TrainPage";

const root = document.getElementById("root");
if (root)
  createRoot(root).render(
    <StrictMode>
      <TrainPage />
    </StrictMode>,
  );
// The site's root is one level above the entry chunk (assets/).
if (import.meta.env.PROD) registerServiceWorker(new URL(/* @vite-ignore */ "../", import.meta.url));
