import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { minifySync } from "rolldown/utils";
import { describe, expect, it } from "vitest";
import { PATCHED_GUARD, patchThreadedFactory, SCRIPT_DIR_GUARD } from "./tfjsWasmThreadsFix";

const require = createRequire(import.meta.url);
const FACTORY_PATH = require
  .resolve("@tensorflow/tfjs-backend-wasm")
  .replace(/dist\/.*$/, "wasm-out/tfjs-backend-wasm-threaded-simd.js");

/** A factory shaped like emscripten's: a closure variable read behind the same `typeof` guard. */
const MINI_FACTORY = `export const factory = (() => {
  var _scriptDir = typeof document !== "undefined" ? "x" : undefined;
  return function (Module) {
    var ENVIRONMENT_IS_PTHREAD = !!Module.pthread, scriptDirectory = "";
    ${SCRIPT_DIR_GUARD}
    Module.dir = scriptDirectory;
    return Module;
  };
})();`;

/** Minify `source` as the production build does, then run the factory cut out of its closure. */
async function runOutsideClosure(source: string, module: object): Promise<string> {
  const code = minifySync("factory.js", source, { compress: true, mangle: true }).code;
  const { factory } = await import(`data:text/javascript,${encodeURIComponent(code)}`);
  try {
    return JSON.stringify(new Function(`return (${factory.toString()})`)()(module));
  } catch (error) {
    return String(error);
  }
}

describe("tfjsWasmThreadsFix", () => {
  it("finds the guard exactly once in the installed tfjs threaded factory and patches it", () => {
    const code = readFileSync(FACTORY_PATH, "utf8");
    const out = patchThreadedFactory(code, FACTORY_PATH);
    expect(out.split(PATCHED_GUARD).length - 1).toBe(1);
    expect(out.length - code.length).toBe(PATCHED_GUARD.length - SCRIPT_DIR_GUARD.length);
  });

  it("fails when the guard is missing or appears twice", () => {
    expect(() => patchThreadedFactory("var a = 1;", "x.js")).toThrow(/found it 0 times/);
    expect(() => patchThreadedFactory(SCRIPT_DIR_GUARD + SCRIPT_DIR_GUARD, "x.js")).toThrow(
      /found it 2 times/,
    );
  });

  it("the minified factory throws outside its closure unpatched, and runs in a pthread patched", async () => {
    expect(await runOutsideClosure(MINI_FACTORY, { pthread: true })).toMatch(
      /ReferenceError: \w+ is not defined/,
    );
    const patched = patchThreadedFactory(MINI_FACTORY, "mini.js");
    expect(await runOutsideClosure(patched, { pthread: true })).toBe('{"pthread":true,"dir":""}');
  });
});
