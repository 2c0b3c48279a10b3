import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import "./styles.css";
import { TrainPage } from "./pages/train/TrainPage";

const root = document.getElementById("root");
if (root)
  createRoot(root).render(
    <StrictMode>
      <TrainPage />
    </StrictMode>,
  );
