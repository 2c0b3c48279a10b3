import { describe, expect, it } from "vitest";
import { EXPLAINER_SCHEMA } from "./explainer";
import { defaultsOf, parseState, serializeState } from "./schema";

const parse = (q: string) => parseState(EXPLAINER_SCHEMA, q);

describe("parseState", () => {
  it("gives the defaults for an empty query", () => {
    expect(parse("")).toEqual({ state: defaultsOf(EXPLAINER_SCHEMA), issues: [] });
  });

  it("reads every parameter with or without the leading ?", () => {
    const { state, issues } = parse(
      "?gamma=0.5&alpha=0.75&ceAlpha=0.5&ratio=250&population=init&family=1&logy=true&starGamma=4&starBeta=0",
    );
    expect(issues).toEqual([]);
    expect(state).toEqual({
      gamma: 0.5,
      alpha: 0.75,
      ceAlpha: 0.5,
      ratio: 250,
      population: "init",
      family: true,
      logy: true,
      starGamma: 4,
      starBeta: 0,
    });
  });

  it("resets a malformed number to its default and says so", () => {
    const { state, issues } = parse("gamma=abc");
    expect(state.gamma).toBe(2);
    expect(issues).toEqual([{ name: "gamma", raw: "abc", action: "reset", used: "2" }]);
  });

  it("clamps FL*'s γ above 0 (FL* divides by it) and its β to ±5, and says so", () => {
    const { state, issues } = parse("starGamma=0&starBeta=-9");
    expect(state).toMatchObject({ starGamma: 0.25, starBeta: -5 });
    expect(issues.map((i) => [i.name, i.action, i.used])).toEqual([
      ["starGamma", "clamped", "0.25"],
      ["starBeta", "clamped", "-5"],
    ]);
  });

  it("clamps out-of-range numbers and says so", () => {
    const { state, issues } = parse("gamma=-3&alpha=2&ratio=1e99");
    expect(state).toMatchObject({ gamma: 0, alpha: 1, ratio: 100000 });
    expect(issues.map((i) => [i.name, i.action, i.used])).toEqual([
      ["gamma", "clamped", "0"],
      ["alpha", "clamped", "1"],
      ["ratio", "clamped", "100000"],
    ]);
  });

  it("rejects empty, hex, NaN and markup values instead of coercing them", () => {
    for (const bad of ["", "0x10", "NaN", "<img src=x onerror=alert(1)>", "1,5", "2 3"]) {
      const { state, issues } = parse(`gamma=${encodeURIComponent(bad)}`);
      expect(state.gamma, bad).toBe(2);
      expect(issues[0]?.action, bad).toBe("reset");
    }
  });

  it("clamps Infinity rather than painting it", () => {
    expect(parse("ratio=Infinity").state.ratio).toBe(100000);
    expect(parse("gamma=-Infinity").state.gamma).toBe(0);
  });

  it("rounds integers and snaps to the slider precision", () => {
    expect(parse("ratio=12.7&gamma=1.234567").state).toMatchObject({ ratio: 13, gamma: 1.23 });
  });

  it("resets unknown enum values and unreadable booleans", () => {
    const { state, issues } = parse("population=<b>x</b>&family=maybe");
    expect(state.population).toBe("training");
    expect(state.family).toBe(false);
    expect(issues.map((i) => i.action)).toEqual(["reset", "reset"]);
  });

  it("shortens a very long raw value in the issue it reports", () => {
    const { issues } = parse(`gamma=${"9".repeat(500)}x`);
    expect(issues[0]?.raw.length).toBeLessThanOrEqual(41);
  });
});

describe("serializeState", () => {
  it("round-trips any state exactly", () => {
    const state = {
      gamma: 0.37,
      alpha: 0.9,
      ceAlpha: 0.5,
      ratio: 31623,
      population: "init" as const,
      family: true,
      logy: false,
      starGamma: 4,
      starBeta: -0.5,
    };
    const query = serializeState(EXPLAINER_SCHEMA, state);
    expect(query).toBe(
      "gamma=0.37&alpha=0.9&ceAlpha=0.5&ratio=31623&population=init&family=1&logy=0&starGamma=4&starBeta=-0.5",
    );
    expect(parse(query)).toEqual({ state, issues: [] });
  });
});

describe("set parameters", () => {
  const SCHEMA = {
    show: { kind: "set", default: ["a"], values: ["a", "b", "c"] },
    n: { kind: "number", default: 1, min: 0, max: 2 },
  } as const;

  it("read comma-separated members in any order and write them in the schema's order", () => {
    const { state, issues } = parseState(SCHEMA, "show=c,a,c");
    expect(issues).toEqual([]);
    expect(state.show).toEqual(["a", "c"]);
    expect(serializeState(SCHEMA, state)).toBe("show=a,c&n=1");
  });

  it("drop unknown members and report what was kept", () => {
    expect(parseState(SCHEMA, "show=b,zz").issues).toEqual([
      { name: "show", raw: "b,zz", action: "reset", used: "b" },
    ]);
  });

  it("leave parameters at their default out when asked", () => {
    expect(serializeState(SCHEMA, defaultsOf(SCHEMA), { omitDefaults: true })).toBe("");
    expect(serializeState(SCHEMA, { show: [], n: 2 }, { omitDefaults: true })).toBe("show=&n=2");
  });
});
