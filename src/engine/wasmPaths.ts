/**
 * The wasm backend's binaries, emitted by Vite into the build and served by the site itself
 * (never from a CDN). The multithreaded build runs where the page is cross-origin isolated.
 */
import wasm from "@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url";
import simd from "@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url";
import threadedSimd from "@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm?url";

export const WASM_PATHS = {
  "tfjs-backend-wasm.wasm": new URL(wasm, import.meta.url).href,
  "tfjs-backend-wasm-simd.wasm": new URL(simd, import.meta.url).href,
  "tfjs-backend-wasm-threaded-simd.wasm": new URL(threadedSimd, import.meta.url).href,
};
