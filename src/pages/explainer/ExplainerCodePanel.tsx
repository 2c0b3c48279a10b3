/**
 * The explainer's "Use it in your code" panel at the page's γ and α. Loaded after the page's
 * own code (it is at the end of the article, and its snippets are text the first screen does
 * not need); until it has mounted it keeps the state the server drew it at (FreezeWhenHidden).
 */
import { CodePanel } from "../../components/CodePanel";
import { useExplainer } from "../../components/explainerContext";

export default function ExplainerCodePanel() {
  const { gamma, alpha } = useExplainer().state;
  return <CodePanel gamma={gamma} alpha={alpha} />;
}
