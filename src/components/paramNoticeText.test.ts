import { describe, expect, it } from "vitest";
import { EXPLAINER_SCHEMA } from "../state/explainer";
import { LESSON_SCHEMA } from "../state/lesson";
import { parseState } from "../state/schema";
import { describeIssue } from "./paramNoticeText";

const notices = (query: string) => parseState(EXPLAINER_SCHEMA, query).issues.map(describeIssue);

describe("describeIssue", () => {
  it("says what was changed and to what, for every kind of change", () => {
    expect(notices("gamma=9")).toEqual(["“gamma” = “9” is out of range: clamped to 5."]);
    expect(notices("gamma=1.234")).toEqual([
      "“gamma” = “1.234” is finer than the setting's step: rounded to 1.23.",
    ]);
    expect(notices("gamma=abc")).toEqual(["“gamma” = “abc” is not a valid value: reset to 2."]);
    expect(notices(`gamma=${"1".repeat(5000)}`)).toEqual([
      "“gamma” is 5,000 characters long, longer than any valid value: reset to 2.",
    ]);
  });

  it("says when a repeated parameter's other values were ignored", () => {
    expect(notices("gamma=3&gamma=banana")).toEqual([
      "“gamma” is given 2 times: the first value, “3”, was used.",
    ]);
    expect(notices("gamma=abc&gamma=1&gamma=2")).toEqual([
      "“gamma” = “abc” is not a valid value: reset to 2. It is given 3 times; only the first was read.",
    ]);
  });

  it("says when a teacher's note was cut or cleaned", () => {
    const lesson = (query: string) => parseState(LESSON_SCHEMA, query).issues.map(describeIssue);
    expect(lesson(`note=${"a".repeat(300)}`)).toEqual([
      "“note” is longer than 280 characters: only the first 280 are shown.",
    ]);
    expect(lesson("note=a%E2%80%AEb")).toEqual([
      "“note” held control or invisible formatting characters: they were removed.",
    ]);
  });
});
