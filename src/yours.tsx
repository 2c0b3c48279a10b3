import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import "./styles.css";
import { YoursPage } from "./pages/yours/YoursPage";

const root = document.getElementById("root");
if (root)
  createRoot(root).render(
    <StrictMode>
      <YoursPage />
    </StrictMode>,
  );
