import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import "./styles.css";
import { ExplainerPage } from "./pages/explainer/ExplainerPage";

const root = document.getElementById("root");
if (root)
  createRoot(root).render(
    <StrictMode>
      <ExplainerPage />
    </StrictMode>,
  );
