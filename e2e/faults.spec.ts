/**
 * Faults survived, not assumed: each test injects one fault (a lost WebGL context, a `Worker`
 * that throws, a worker script that 404s, a worker that never answers, a worker that ends
 * mid-run, a Play pressed while a preset is being applied) and checks that the page says what
 * happened and keeps a way forward. Tiny batches and a few steps: SwiftShader is slow here (the
 * first WebGL test is also the suite's check that WebGL trains for real).
 */
import type { Page, Route } from "@playwright/test";
import { expect, expectNoBadNumbers, test } from "./fixtures";

const WORKER_SCRIPT = /\/assets\/train\.worker-[^/]*\.js$/;
/** The training workers (not the multithreaded wasm build's pthread workers, which are blobs). */
const trainingWorkers = (page: Page) => page.workers().filter((w) => WORKER_SCRIPT.test(w.url()));

const stepOf = async (page: Page, run: "a" | "b") =>
  Number((await page.getByTestId(`run-${run}-step`).textContent())?.replace(/,/g, ""));

/** Serve the worker script with `prefix` run before it. */
async function prefixWorker(page: Page, prefix: string): Promise<void> {
  await page.route(WORKER_SCRIPT, async (route: Route) => {
    const response = await route.fetch();
    await route.fulfill({ response, body: `${prefix}\n${await response.text()}` });
  });
}

/** Keeps every WebGL context the worker creates in `self.__gl`, so a test can lose it. */
const RECORD_WORKER_GL = `self.__gl = [];
{ const get = OffscreenCanvas.prototype.getContext;
  OffscreenCanvas.prototype.getContext = function (...args) {
    const context = get.apply(this, args);
    if (context && String(args[0]).startsWith("webgl")) self.__gl.push(context);
    return context;
  }; }`;

function loseAllContexts() {
  const scope = self as unknown as { __gl: WebGL2RenderingContext[] };
  for (const gl of scope.__gl) gl.getExtension("WEBGL_lose_context")?.loseContext();
  return scope.__gl.length;
}

/** Play, and wait until run A has trained at least `steps` steps. */
async function playUntil(page: Page, steps: number): Promise<void> {
  await expect(page.getByRole("button", { name: "Play" })).toBeEnabled({ timeout: 60_000 });
  await page.getByRole("button", { name: "Play" }).click();
  await expect.poll(() => stepOf(page, "a"), { timeout: 60_000 }).toBeGreaterThanOrEqual(steps);
}

/** After a lost context: a notice, another backend, counters moving again, Pause working. */
async function expectTrainingContinues(page: Page): Promise<void> {
  await expect(page.getByTestId("session-notice")).toContainText(
    /The webgl backend failed \(the WebGL context was lost\)\. Training continues on (wasm|cpu)/,
    { timeout: 30_000 },
  );
  await expect(page.getByTestId("backend-badge")).not.toHaveAttribute("data-backend", "webgl");
  const resumed = await stepOf(page, "a");
  await expect.poll(() => stepOf(page, "a"), { timeout: 30_000 }).toBeGreaterThan(resumed + 5);
  await expect(page.getByTestId("session-status")).toHaveText("running");
  await page.getByRole("button", { name: "Pause" }).click();
  await expect(page.getByTestId("session-status")).toHaveText("paused");
}

test.describe("a lost WebGL context", () => {
  test("in the worker: training continues on another backend with a notice; Reset works", async ({
    page,
  }) => {
    test.setTimeout(150_000);
    await prefixWorker(page, RECORD_WORKER_GL);
    await page.goto("./train/?backend=webgl&batch=4");
    // WebGL trains for real first (SwiftShader here), and the badge says so.
    await expect(page.getByTestId("backend-badge")).toHaveAttribute("data-backend", "webgl", {
      timeout: 60_000,
    });
    await expect(page.getByTestId("backend-reason")).toContainText("webgl was requested");
    await playUntil(page, 5);
    await expectNoBadNumbers(page);
    const [worker] = trainingWorkers(page);
    expect(await worker?.evaluate(loseAllContexts)).toBeGreaterThan(0);
    await expectTrainingContinues(page);
    // Reset tries WebGL again, on a fresh context, and is ready to train.
    await page.getByRole("button", { name: "Reset" }).click();
    await expect(page.getByTestId("session-status")).toHaveText("idle", { timeout: 60_000 });
    expect(await stepOf(page, "a")).toBe(0);
    // Its step-0 evaluation was computed and read back on the fresh context.
    await expect(page.getByTestId("backend-badge")).toHaveAttribute("data-backend", "webgl");
    await expect(page.getByTestId("run-a-ap")).toHaveText(/^\d/);
  });
  // The page-thread path runs the same session and engine code: its lost-context stall is
  // reproduced at engine level in src/engine/device.browser.test.ts (run on the page's thread),
  // which keeps this suite a minute shorter than a second SwiftShader journey would.
});

test.describe("background workers that fail", () => {
  test("when `new Worker()` throws, the live runs and the sweep both train on the page and say why", async ({
    page,
  }) => {
    test.setTimeout(120_000);
    await page.addInitScript(() => {
      (window as unknown as { Worker: unknown }).Worker = class {
        constructor() {
          throw new DOMException("workers are blocked here", "SecurityError");
        }
      };
    });
    await page.goto("./train/?backend=wasm&batch=2");
    await expect(page.getByTestId("session-notice")).toContainText(
      "Training could not run in a background worker (workers are blocked here)",
    );
    await expect(page.getByTestId("backend-reason")).toContainText("on this page (no worker)");
    const sweep = page.getByTestId("sweep-panel");
    await page.getByRole("button", { name: "Sweep γ" }).click();
    await expect(sweep.getByTestId("job-notice")).toContainText(
      "The job could not run in a background worker (workers are blocked here); it runs on this page instead",
    );
    await expect(sweep.getByRole("button", { name: /Cancel \([1-9]\d*\/\d+\)/ })).toBeVisible({
      timeout: 60_000,
    });
    await sweep.getByRole("button", { name: /Cancel/ }).click();
    await expect(sweep.getByRole("button", { name: /Run the sweep/ })).toBeVisible();
  });

  test.describe(() => {
    test.use({ expectedConsoleErrors: [/status of 404/] });

    test("when the worker script is missing (404), the seeds job runs on the page instead of waiting forever", async ({
      page,
    }) => {
      test.setTimeout(120_000);
      await page.route(WORKER_SCRIPT, (route) => route.fulfill({ status: 404, body: "not found" }));
      await page.goto("./train/?backend=wasm&batch=2");
      await expect(page.getByTestId("session-notice")).toContainText(
        "Training could not run in a background worker",
      );
      const seeds = page.getByTestId("seeds-panel");
      await seeds.getByRole("combobox").first().selectOption("3");
      await seeds.getByRole("combobox").nth(1).selectOption("50");
      await seeds.getByRole("button", { name: "Run 3 seeds" }).click();
      await expect(seeds.getByTestId("job-notice")).toContainText(
        "The job could not run in a background worker",
      );
      await expect(seeds.getByRole("button", { name: /Cancel \([1-9]\/6\)/ })).toBeVisible({
        timeout: 60_000,
      });
      await seeds.getByRole("button", { name: /Cancel/ }).click();
    });
  });

  test("a worker that never answers is given up after 30 s: the page trains on its own thread", async ({
    page,
  }) => {
    test.setTimeout(90_000);
    await page.clock.install();
    await page.route(WORKER_SCRIPT, (route) =>
      route.fulfill({
        contentType: "text/javascript",
        // As the host sends it (public/_headers): the isolated page refuses a worker without it.
        headers: { "Cross-Origin-Embedder-Policy": "require-corp" },
        body: "self.onmessage = () => {};",
      }),
    );
    await page.goto("./train/?backend=wasm&batch=2");
    await expect(page.getByTestId("session-status")).toHaveText("starting…");
    await expect.poll(() => trainingWorkers(page).length).toBe(1);
    await page.clock.fastForward(31_000);
    await expect(page.getByTestId("session-notice")).toContainText(
      "Training could not run in a background worker (waited 30 s for the background worker to answer)",
    );
    await expect(page.getByRole("button", { name: "Play" })).toBeEnabled({ timeout: 60_000 });
    await expect(page.getByTestId("backend-reason")).toContainText("on this page (no worker)");
  });

  test("a worker that ends mid-run is replaced at once with a notice; a job's says how far it got", async ({
    page,
  }) => {
    test.setTimeout(120_000);
    await page.goto("./train/?backend=wasm&batch=4");
    await playUntil(page, 10);
    const [live] = trainingWorkers(page);
    // The worker closes itself: no error event reaches the page, no call fails, only silence.
    void live?.evaluate(() => self.close()).catch(() => {});
    await expect(page.getByTestId("session-notice")).toContainText(
      "Training was interrupted (the background worker ended unexpectedly); a new background worker took over. Both runs start again from step 0",
      { timeout: 30_000 },
    );
    await playUntil(page, 5);
    await expect(page.getByTestId("backend-reason")).toContainText("in a background worker");

    const seeds = page.getByTestId("seeds-panel");
    await seeds.getByRole("button", { name: /Run \d+ seeds/ }).click();
    // The job's worker has answered, and the page watches its life lock beside the live one's.
    const watched = () =>
      page.evaluate(async () => (await navigator.locks.query()).pending?.length);
    await expect.poll(watched).toBe(2);
    void trainingWorkers(page)
      .at(-1)
      ?.evaluate(() => self.close())
      .catch(() => {});
    await expect(seeds.getByTestId("job-error")).toContainText(
      /The job stopped (after 0 of \d+ trainings|before its first training finished): the background worker ended unexpectedly\. Run it again to retry\./,
    );
    await expect(seeds.getByRole("button", { name: /Run \d+ seeds/ })).toBeVisible();
  });
});

test("Play pressed while a preset is still being applied trains, instead of doing nothing", async ({
  page,
}) => {
  test.setTimeout(90_000);
  await page.goto("./train/?backend=wasm&batch=4");
  // A preset chosen while the backend is still starting: its reset waits for the session.
  await page.getByRole("button", { name: "Without the prior init" }).click();
  // Play as soon as it is enabled, in the same frame, as a quick user would.
  await page.evaluate(
    () =>
      new Promise<void>((resolve) => {
        const tryPlay = () => {
          const play = [...document.querySelectorAll("button")].find(
            (b) => b.textContent === "Play" && !b.disabled,
          );
          if (play) {
            play.click();
            resolve();
          } else requestAnimationFrame(tryPlay);
        };
        tryPlay();
      }),
  );
  await expect(page.getByTestId("session-status")).toHaveText("running", { timeout: 30_000 });
  await expect.poll(() => stepOf(page, "a"), { timeout: 30_000 }).toBeGreaterThanOrEqual(5);
  await expect(page).toHaveURL(/aPrior=0/);
});
