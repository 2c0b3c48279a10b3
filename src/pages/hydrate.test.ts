import { describe, expect, it } from "vitest";
import { isChunkLoadFailure } from "./hydrate";

describe("isChunkLoadFailure", () => {
  it("recognizes a failed dynamic import, also as the cause of React's hydration error", () => {
    const failed = new TypeError(
      "Failed to fetch dynamically imported module: http://x/assets/AlphaBalancedFigure-a1.js",
    );
    expect(isChunkLoadFailure(failed)).toBe(true);
    expect(isChunkLoadFailure(new Error("Minified React error #422", { cause: failed }))).toBe(
      true,
    );
    expect(isChunkLoadFailure(new TypeError("Importing a module script failed."))).toBe(true);
  });

  it("leaves every other error to be reported", () => {
    expect(isChunkLoadFailure(new Error("Hydration failed because the server rendered text"))).toBe(
      false,
    );
    expect(isChunkLoadFailure("Failed to fetch dynamically imported module")).toBe(false);
    expect(isChunkLoadFailure(null)).toBe(false);
  });
});
