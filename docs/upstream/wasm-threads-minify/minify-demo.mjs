// The root cause in 12 lines: a minifier rewrites a closure variable's typeof guard, which breaks
// code that is later cut out of its closure with Function.prototype.toString().
import { minifySync } from "rolldown/utils";
import { minify as terser } from "terser";

const src = `export const factory = (() => {
  var _scriptDir = typeof document !== "undefined" ? "x" : undefined;
  return function (Module) { if (typeof _scriptDir !== "undefined" && _scriptDir) Module.dir = _scriptDir; return Module; };
})();`;
const oxc = minifySync("a.js", src, { compress: true, mangle: true }).code;
const ter = (await terser(src, { module: true })).code;
for (const [name, code] of [
  ["source", src],
  ["oxc", oxc],
  ["terser", ter],
]) {
  const { factory } = await import(`data:text/javascript,${encodeURIComponent(code)}`);
  let outcome;
  try {
    outcome = JSON.stringify(new Function(`return (${factory.toString()})`)()({}));
  } catch (e) {
    outcome = String(e);
  }
  console.log(
    name.padEnd(7),
    "factory.toString() run outside its closure ->",
    outcome,
    "|",
    factory.toString().slice(0, 90),
  );
}
