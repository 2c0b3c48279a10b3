/**
 * Vite plugin: lets @tensorflow/tfjs-backend-wasm 4.22's threaded build survive minification.
 *
 * tfjs builds each pthread worker's main script from `wasmFactoryThreadedSimd.toString()`, the
 * emscripten factory cut out of its closure. Inside it, emscripten guards one closure variable
 * with `typeof _scriptDir !== "undefined" && _scriptDir`. A minifier that sees `_scriptDir`
 * declared in the enclosing scope rewrites the guard to `_scriptDir !== void 0 && _scriptDir`
 * (Oxc and terser both do), so in the pthread worker, where the closure is gone, it throws
 * `ReferenceError: e is not defined`, the worker never reports "loaded", and `setBackend('wasm')`
 * never settles. Skipping the check in pthread workers removes the only free reference; there
 * the main thread hands the script over as a blob anyway. A minimal reproduction without tfjs:
 * docs/upstream/wasm-threads-minify/.
 *
 * List it in both `plugins` and `worker.plugins`: the training worker bundles tfjs on its own.
 */
import type { Plugin } from "vite";

export const THREADED_FACTORY = /tfjs-backend-wasm-threaded-simd\.js$/;
export const SCRIPT_DIR_GUARD =
  'if(typeof _scriptDir !== "undefined" && _scriptDir){scriptDirectory=_scriptDir}';
export const PATCHED_GUARD =
  'if(!ENVIRONMENT_IS_PTHREAD&&typeof _scriptDir !== "undefined" && _scriptDir){scriptDirectory=_scriptDir}';

/**
 * The patched source of the threaded factory module; throws unless the guard occurs exactly once
 * (a future tfjs that changes it must fail the build, not hang in the browser).
 */
export function patchThreadedFactory(code: string, id: string): string {
  const count = code.split(SCRIPT_DIR_GUARD).length - 1;
  if (count !== 1)
    throw new Error(
      `tfjs-wasm-threads-fix: expected the _scriptDir guard exactly once in ${id}, found it ${count} times`,
    );
  return code.replace(SCRIPT_DIR_GUARD, PATCHED_GUARD);
}

export function tfjsWasmThreadsFix(): Plugin {
  return {
    name: "tfjs-wasm-threads-fix",
    enforce: "pre",
    transform: {
      filter: { id: THREADED_FACTORY },
      handler(code, id) {
        if (!THREADED_FACTORY.test(id)) return null;
        try {
          return { code: patchThreadedFactory(code, id), map: null };
        } catch (error) {
          this.error(error instanceof Error ? error.message : String(error));
        }
      },
    },
  };
}
