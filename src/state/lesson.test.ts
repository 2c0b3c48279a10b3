import { describe, expect, it } from "vitest";
import { EXPLAINER_SCHEMA } from "./explainer";
import { LESSON_SCHEMA } from "./lesson";
import { defaultsOf, parseState, serializeState } from "./schema";

const parse = (q: string) => parseState(LESSON_SCHEMA, q);
const serialize = (s: ReturnType<typeof parse>["state"]) =>
  serializeState(LESSON_SCHEMA, s, { omitDefaults: true });

describe("lesson links", () => {
  it("an ordinary link is a lesson with nothing hidden and no question", () => {
    expect(parse("gamma=2&alpha=0.25")).toEqual({ state: defaultsOf(LESSON_SCHEMA), issues: [] });
    expect(serialize(defaultsOf(LESSON_SCHEMA))).toBe("");
  });

  it("reads hide flags in any order and writes them in one canonical order", () => {
    const { state, issues } = parse("hide=text,controls,loss-budget,controls");
    expect(issues).toEqual([]);
    expect(state.hide).toEqual(["controls", "text", "loss-budget"]);
    expect(serialize(state)).toBe("hide=controls,text,loss-budget");
  });

  it("drops unknown hide flags, keeps the known ones and reports it", () => {
    const { state, issues } = parse("hide=controls,<b>x</b>");
    expect(state.hide).toEqual(["controls"]);
    expect(issues).toEqual([
      { name: "hide", raw: "controls,<b>x</b>", action: "reset", used: "controls" },
    ]);
  });

  it("resets an unknown question to none", () => {
    const { state, issues } = parse("predict=everything");
    expect(state.predict).toBe("none");
    expect(issues[0]).toMatchObject({ name: "predict", action: "reset", used: "none" });
  });

  it("round-trips every canonical lesson link exactly, together with the explainer state", () => {
    for (const q of [
      "hide=controls",
      "predict=downweight",
      "hide=figure-controls,menus,text,alpha-balanced,gradient&predict=easy-share",
      "hide=controls,loss-vs-pt&predict=push-back",
      "hide=loss-budget,fl-star",
    ]) {
      expect(serialize(parse(q).state)).toBe(q);
      const full = `gamma=0.5&alpha=0.75&ceAlpha=0.75&ratio=10000&population=init&family=1&logy=0&starGamma=4&starBeta=0&${q}`;
      const explainer = serializeState(EXPLAINER_SCHEMA, parseState(EXPLAINER_SCHEMA, full).state);
      expect(`${explainer}&${serialize(parse(full).state)}`).toBe(full);
    }
  });

  it("an empty hide list is the default", () => {
    expect(parse("hide=").state.hide).toEqual([]);
    expect(parse("hide=").issues).toEqual([]);
  });
});
