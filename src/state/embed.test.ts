import { describe, expect, it } from "vitest";
import { EMBED_OPTIONS_SCHEMA, parseEmbedQuery } from "./embed";
import { defaultsOf, serializeState } from "./schema";

const IDS = ["loss-vs-pt", "gradient"] as const;
const defaults = defaultsOf(EMBED_OPTIONS_SCHEMA);

describe("embed parameters", () => {
  it("a chart id alone gives the default options: fixed view, auto theme, caption and title, fit decided by the frame", () => {
    expect(parseEmbedQuery("?chart=loss-vs-pt&gamma=2", IDS)).toEqual({
      ok: true,
      chart: "loss-vs-pt",
      options: { controls: "none", theme: "auto", caption: true, title: true, fit: "auto" },
      issues: [],
    });
  });

  it("reads every option", () => {
    const r = parseEmbedQuery(
      "chart=gradient&controls=own&theme=dark&caption=0&title=off&fit=1",
      IDS,
    );
    expect(r).toMatchObject({
      ok: true,
      options: { controls: "own", theme: "dark", caption: false, title: false, fit: "1" },
    });
    expect(parseEmbedQuery("chart=gradient&fit=0", IDS).options.fit).toBe("0");
    expect(parseEmbedQuery("chart=gradient&fit=yes", IDS)).toMatchObject({
      options: { fit: "auto" },
      issues: [{ name: "fit", raw: "yes", action: "reset", used: "auto" }],
    });
  });

  it("resets a bad option to its default, reports it and still shows the chart", () => {
    const r = parseEmbedQuery("chart=gradient&theme=<script>", IDS);
    expect(r.ok).toBe(true);
    expect(r.options.theme).toBe("auto");
    expect(r.ok && r.issues).toEqual([
      { name: "theme", raw: "<script>", action: "reset", used: "auto" },
    ]);
  });

  it("an unknown or missing chart id is an error that echoes what was asked, shortened", () => {
    expect(parseEmbedQuery("chart=nope", IDS)).toEqual({
      ok: false,
      asked: "nope",
      options: defaults,
    });
    expect(parseEmbedQuery("gamma=2", IDS)).toMatchObject({ ok: false, asked: null });
    const long = parseEmbedQuery(`chart=${"x".repeat(100)}&theme=dark`, IDS);
    expect(long).toMatchObject({ ok: false, asked: `${"x".repeat(40)}…` });
    expect(long.options.theme).toBe("dark");
  });

  it("chart ids are read case-insensitively", () => {
    expect(parseEmbedQuery("chart=Loss-VS-pt", IDS)).toMatchObject({
      ok: true,
      chart: "loss-vs-pt",
    });
  });

  it("options at their defaults are left out of links", () => {
    expect(serializeState(EMBED_OPTIONS_SCHEMA, defaults, { omitDefaults: true })).toBe("");
    expect(
      serializeState(
        EMBED_OPTIONS_SCHEMA,
        { ...defaults, controls: "own", caption: false, fit: "1" },
        { omitDefaults: true },
      ),
    ).toBe("controls=own&caption=0&fit=1");
  });
});
