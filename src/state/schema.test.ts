import { describe, expect, it } from "vitest";
import { EXPLAINER_SCHEMA } from "./explainer";
import { LESSON_SCHEMA } from "./lesson";
import {
  defaultsOf,
  isDecimal,
  MAX_PARAM_LENGTH,
  parseState,
  type Schema,
  serializeState,
} from "./schema";
import { TRAIN_SCHEMA } from "./train";
import { YOURS_SCHEMA } from "./yours";

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

  it("rounds integers and snaps to the slider precision, and says so", () => {
    const { state, issues } = parse("ratio=12.7&gamma=1.234567");
    expect(state).toMatchObject({ ratio: 13, gamma: 1.23 });
    expect(issues.map((i) => [i.name, i.action, i.used])).toEqual([
      ["gamma", "rounded", "1.23"],
      ["ratio", "rounded", "13"],
    ]);
  });

  it("says nothing when only the spelling of a value changes", () => {
    const { state, issues } = parse(
      "gamma=%2B0.50&alpha=7.5e-1&ratio=%20250%20&population=INIT&family=yes&logy=on",
    );
    expect(issues).toEqual([]);
    expect(state).toMatchObject({ gamma: 0.5, alpha: 0.75, ratio: 250, population: "init" });
  });

  it("reads the first of a repeated parameter and says the others were ignored", () => {
    const { state, issues } = parse("gamma=3&gamma=banana&alpha=0.5&alpha=0.5");
    expect(state).toMatchObject({ gamma: 3, alpha: 0.5 });
    expect(issues).toEqual([
      { name: "gamma", raw: "3", action: "repeated", used: "3", count: 2 },
      { name: "alpha", raw: "0.5", action: "repeated", used: "0.5", count: 2 },
    ]);
    // One issue per parameter, even when its first value has a problem of its own.
    const both = parse("gamma=banana&gamma=3").issues;
    expect(both).toEqual([{ name: "gamma", raw: "banana", action: "reset", used: "2", count: 2 }]);
  });

  it("resets unknown enum values and unreadable booleans", () => {
    const { state, issues } = parse("population=<b>x</b>&family=maybe");
    expect(state.population).toBe("training");
    expect(state.family).toBe(false);
    expect(issues.map((i) => i.action)).toEqual(["reset", "reset"]);
  });

  it("shortens a very long raw value in the issue it reports", () => {
    const { issues } = parse(`gamma=${"9".repeat(100)}x`);
    expect(issues[0]?.raw.length).toBeLessThanOrEqual(41);
  });

  it("never cuts a character in half when it shortens a raw value", () => {
    // 39 ASCII characters, then emoji (two UTF-16 code units each) across the cut.
    const { issues } = parse(`gamma=${"a".repeat(39)}${"😀".repeat(5)}`);
    const raw = issues[0]?.raw ?? "";
    expect(raw.endsWith("…")).toBe(true);
    const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
    expect(raw).not.toMatch(loneSurrogate);
    expect(raw).toBe(`${"a".repeat(39)}…`);
  });

  it("refuses a parameter longer than any valid value before parsing it, and says so", () => {
    const long = `${"9".repeat(60_000)}x`;
    const started = performance.now();
    const { state, issues } = parse(`gamma=${long}&alpha=0.5`);
    expect(performance.now() - started).toBeLessThan(200);
    expect(state).toMatchObject({ gamma: 2, alpha: 0.5 });
    expect(issues).toEqual([
      { name: "gamma", raw: `${"9".repeat(40)}…`, action: "too-long", used: "2", length: 60_001 },
    ]);
  });
});

describe("decimal numbers", () => {
  it("are recognized in time linear in their length, even when they fail at the last character", () => {
    // The former pattern backtracked quadratically: 64,000 digits and a letter took 5.5 s in Node.
    for (const text of [
      `${"9".repeat(200_000)}x`,
      `${"9".repeat(200_000)}.${"9".repeat(200_000)}e`,
    ]) {
      const started = performance.now();
      expect(isDecimal(text)).toBe(false);
      expect(performance.now() - started).toBeLessThan(200);
    }
    expect(isDecimal("9".repeat(200_000))).toBe(true);
  });

  it("accept plain decimal notation only", () => {
    for (const ok of ["0", "+1", "-2.5", "3.", ".5", "1e-3", "2.5E+4".toLowerCase()])
      expect(isDecimal(ok), ok).toBe(true);
    for (const bad of ["", ".", "+", "e5", "1e", "1.2.3", "0x10", "1_000", "١٢", "1e5.5", " 1"])
      expect(isDecimal(bad), bad).toBe(false);
  });
});

describe("the length bound", () => {
  it("lets the longest valid value of every page's parameters through", () => {
    const schemas: Schema[] = [EXPLAINER_SCHEMA, TRAIN_SCHEMA, LESSON_SCHEMA, YOURS_SCHEMA];
    for (const schema of schemas) {
      for (const param of Object.values(schema)) {
        const longest =
          param.kind === "set"
            ? param.values.join(",")
            : param.kind === "enum"
              ? param.values.reduce((a, b) => (a.length >= b.length ? a : b))
              : "-0.000001";
        expect(longest.length).toBeLessThan(MAX_PARAM_LENGTH);
      }
    }
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
