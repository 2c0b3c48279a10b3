import { describe, expect, it } from "vitest";
import { FIGURE1_GAMMAS } from "../math/curves";
import { EMBED_OPTIONS_SCHEMA } from "./embed";
import { parseState } from "./schema";
import {
  explainerLink,
  stepChart,
  stepGammaFamily,
  THEME_SCHEMA,
  themeClass,
  VIEW_SCHEMA,
  viewQuery,
} from "./view";

describe("the page theme", () => {
  it("is the embed's theme option: same values, same default", () => {
    expect(EMBED_OPTIONS_SCHEMA.theme).toBe(THEME_SCHEMA.theme);
    expect(themeClass("auto")).toBeNull();
    expect(themeClass("dark")).toBe("theme-dark");
  });

  it("resets an unknown theme with a notice", () => {
    const { state, issues } = parseState(THEME_SCHEMA, "theme=<b>neon</b>");
    expect(state.theme).toBe("auto");
    expect(issues[0]).toMatchObject({ name: "theme", action: "reset", used: "auto" });
  });
});

describe("present mode and handouts", () => {
  const shown = ["loss-vs-pt", "down-weighting", "gradient"] as const;

  it("steps between the shown figures and stops at the ends", () => {
    expect(stepChart(shown, "loss-vs-pt", 1)).toBe("down-weighting");
    expect(stepChart(shown, "down-weighting", -1)).toBe("loss-vs-pt");
    expect(stepChart(shown, "loss-vs-pt", -1)).toBe("loss-vs-pt");
    expect(stepChart(shown, "gradient", 1)).toBe("gradient");
    // A figure not in the list goes to the first.
    expect(stepChart(shown, "loss-budget", 1)).toBe("loss-vs-pt");
  });

  it("walks the paper's γ family (0, 0.5, 1, 2, 5) from any γ", () => {
    let gamma = 0;
    const up = [];
    for (let i = 0; i < 6; i += 1) {
      gamma = stepGammaFamily(gamma, 1);
      up.push(gamma);
    }
    expect(up).toEqual([0.5, 1, 2, 5, 5, 5]);
    expect(FIGURE1_GAMMAS).toEqual([0, 0.5, 1, 2, 5]);
    expect(stepGammaFamily(1.5, 1)).toBe(2);
    expect(stepGammaFamily(1.5, -1)).toBe(1);
    expect(stepGammaFamily(4.2, 1)).toBe(5);
    expect(stepGammaFamily(0, -1)).toBe(0);
  });

  it("writes view links with defaults left out", () => {
    expect(viewQuery({ present: "gradient" }, "dark")).toBe("present=gradient&theme=dark");
    expect(viewQuery({ handout: ["gradient", "loss-vs-pt"] })).toBe("handout=loss-vs-pt,gradient");
    expect(viewQuery({})).toBe("");
    expect(explainerLink("https://x.org/fl/", "gamma=1", "", "present=gradient")).toBe(
      "https://x.org/fl/?gamma=1&present=gradient",
    );
    expect(explainerLink("https://x.org/fl/", "", "")).toBe("https://x.org/fl/");
  });

  it("reads a view back and refuses unknown figures", () => {
    expect(parseState(VIEW_SCHEMA, "present=gradient&handout=gradient,loss-vs-pt").state).toEqual({
      present: "gradient",
      handout: ["loss-vs-pt", "gradient"],
    });
    const { state, issues } = parseState(VIEW_SCHEMA, "present=train-loss");
    expect(state.present).toBe("none");
    expect(issues).toHaveLength(1);
  });
});
