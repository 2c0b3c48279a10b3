import { describe, expect, it } from "vitest";
import { EXPLAINER_SCHEMA } from "./explainer";
import {
  initiallyFixed,
  LESSON_SCHEMA,
  type LessonState,
  lessonQuery,
  NOTE_MAX_LENGTH,
} from "./lesson";
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

describe("a teacher's note", () => {
  it("is plain text, kept as typed, and left out of links when empty", () => {
    const { state, issues } = parse("note=Read+figure+3%2C+then+guess.%0ASecond+line");
    expect(state.note).toBe("Read figure 3, then guess.\nSecond line");
    expect(issues).toEqual([]);
    expect(serialize({ ...state, note: "" })).toBe("");
  });

  it("keeps markup as text: the page renders it, never parses it", () => {
    const markup = '<img src=x onerror="alert(1)"><script>x</script>';
    expect(parse(`note=${encodeURIComponent(markup)}`).state.note).toBe(markup);
  });

  it(`is cut at ${NOTE_MAX_LENGTH} characters, never inside an emoji, and says so`, () => {
    const long = `${"a".repeat(NOTE_MAX_LENGTH - 1)}😀😀tail`;
    const { state, issues } = parse(`note=${encodeURIComponent(long)}`);
    expect([...state.note]).toHaveLength(NOTE_MAX_LENGTH);
    expect(state.note.endsWith("a😀")).toBe(true);
    expect(issues).toEqual([
      expect.objectContaining({ name: "note", action: "cut", limit: NOTE_MAX_LENGTH }),
    ]);
    expect(issues[0]?.raw.length).toBeLessThanOrEqual(41);
  });

  it("drops control, zero-width and bidirectional override characters, and says so", () => {
    const { state, issues } = parse(
      `note=${encodeURIComponent("gnp\u202E.exe\u0000 \u200Bok\u2066\r\nnext\t!")}`,
    );
    expect(state.note).toBe("gnp.exe ok\nnext!");
    expect(issues).toEqual([expect.objectContaining({ name: "note", action: "cleaned" })]);
  });

  it("round-trips with the other lesson flags", () => {
    const q = "hide=controls&predict=downweight&note=Bring+a+pen,+please.";
    expect(serialize(parse(q).state)).toBe(q);
  });
});

describe("the lesson builder's link", () => {
  const defaults = defaultsOf(EXPLAINER_SCHEMA);
  const lesson = (patch: Partial<LessonState>): LessonState => ({
    ...defaultsOf(LESSON_SCHEMA),
    ...patch,
  });

  it("is the link a teacher types from the docs", () => {
    expect(
      lessonQuery(
        ["gamma", "alpha"],
        defaults,
        lesson({ hide: ["text", "controls"], predict: "downweight" }),
      ),
    ).toBe("gamma=2&alpha=0.25&hide=controls,text&predict=downweight");
    expect(
      lessonQuery(
        ["ratio"],
        { ...defaults, ratio: 100000 },
        lesson({
          hide: ["text", "loss-vs-pt", "alpha-balanced", "down-weighting", "gradient"],
          predict: "easy-share",
        }),
      ),
    ).toBe(
      "ratio=100000&hide=text,loss-vs-pt,alpha-balanced,down-weighting,gradient&predict=easy-share",
    );
    expect(lessonQuery([], defaults, lesson({}))).toBe("");
  });

  it("fixes what a lesson link gave, plus what the reader moved, and round-trips", () => {
    const q = "gamma=1&population=init&hide=controls&note=Hi";
    const state = parseState(EXPLAINER_SCHEMA, q).state;
    const fixed = initiallyFixed(`?${q}`, state);
    expect(fixed).toEqual(["gamma", "population"]);
    expect(lessonQuery(fixed, state, parseState(LESSON_SCHEMA, q).state)).toBe(q);
    expect(initiallyFixed(`?${q}`, { ...state, ratio: 50 })).toEqual([
      "gamma",
      "ratio",
      "population",
    ]);
    // A lesson link that fixes nothing stays so.
    expect(initiallyFixed("?predict=downweight", defaults)).toEqual([]);
  });

  it("starts from γ and α on a page that was no lesson", () => {
    expect(initiallyFixed("", defaults)).toEqual(["gamma", "alpha"]);
    expect(initiallyFixed("?theme=dark", { ...defaults, logy: true })).toEqual([
      "gamma",
      "alpha",
      "logy",
    ]);
  });
});

describe("a very long note", () => {
  it("is cut, not refused, and only its head is read (a megabyte link costs nothing)", () => {
    const { state, issues } = parse(`note=${"ab".repeat(500_000)}`);
    expect([...state.note]).toHaveLength(NOTE_MAX_LENGTH);
    expect(issues).toEqual([
      expect.objectContaining({ name: "note", action: "cut", limit: NOTE_MAX_LENGTH }),
    ]);
  });

  it("never keeps half an emoji, even where the unread tail begins inside one", () => {
    // The head read (4 × 280 UTF-16 units) ends between the two halves of an emoji.
    const { state } = parse(`note=${encodeURIComponent(`a${"😀".repeat(600)}`)}`);
    const chars = [...state.note];
    expect(chars).toHaveLength(NOTE_MAX_LENGTH);
    expect(chars.every((c) => c === "a" || c === "😀")).toBe(true);
  });
});
