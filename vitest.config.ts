import { playwright } from "@vitest/browser-playwright";
import { configDefaults, defineConfig } from "vitest/config";
import { CHROMIUM_ARGS, findChromium } from "./scripts/chromium.mjs";

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: "unit",
          environment: "node",
          include: ["src/**/*.test.ts", "build/**/*.test.ts", "bench/**/*.test.ts"],
          exclude: [...configDefaults.exclude, "src/**/*.browser.test.ts"],
        },
      },
      {
        // Cross-origin isolated, so the multithreaded wasm build is tested too.
        server: {
          headers: {
            "Cross-Origin-Opener-Policy": "same-origin",
            "Cross-Origin-Embedder-Policy": "require-corp",
          },
        },
        test: {
          name: "browser",
          include: ["src/**/*.browser.test.ts"],
          testTimeout: 180_000,
          browser: {
            enabled: true,
            headless: true,
            provider: playwright({
              launchOptions: {
                // Unit tests still run without a Chromium; the browser project then fails on its own.
                executablePath: await findChromium().catch(() => undefined),
                // VITE_WEBGPU_SOFTWARE=1: SwiftShader's WebGPU adapter, so WebGPU is compared too.
                args: [
                  ...CHROMIUM_ARGS,
                  ...(process.env.VITE_WEBGPU_SOFTWARE === "1" ? ["--enable-unsafe-webgpu"] : []),
                ],
              },
            }),
            instances: [{ browser: "chromium" }],
          },
        },
      },
    ],
  },
});
