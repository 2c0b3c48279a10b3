/** What the training charts of an embed draw: the recorded run, and Figure 4's own γ. */
import { createContext, useContext } from "react";
import type { TrainConfig } from "../../experiment/config";
import type { RunHistory } from "../../experiment/history";
import type { RunId } from "../../experiment/protocol";

export interface TrainEmbedData {
  runs: Readonly<Record<RunId, RunHistory>>;
  configs: Record<RunId, TrainConfig>;
  f4gamma: number;
  setF4gamma: (gamma: number) => void;
}

export const TrainEmbedContext = createContext<TrainEmbedData | null>(null);

export function useTrainEmbed(): TrainEmbedData {
  const data = useContext(TrainEmbedContext);
  if (!data) throw new Error("a training chart is drawn outside its embed");
  return data;
}
