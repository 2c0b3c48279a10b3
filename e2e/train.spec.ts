import { expectAccessible } from "./a11y";
import { expect, expectNoBadNumbers, test, viewFigure } from "./fixtures";

const stepOf = async (page: import("@playwright/test").Page, run: "a" | "b") =>
  Number((await page.getByTestId(`run-${run}-step`).textContent())?.replace(/,/g, ""));

test.describe("training in the tab", () => {
  test("play trains both runs, pause stops the counters, reset returns to step 0", async ({
    page,
  }) => {
    test.setTimeout(120_000);
    await page.goto("./train/?backend=wasm&batch=4");
    await expect(page.getByTestId("backend-badge")).toHaveAttribute("data-backend", "wasm");
    await expect(page.getByRole("button", { name: "Play" })).toBeEnabled({ timeout: 60_000 });
    await expectAccessible(page, "/train/ before training, light");
    await expect(page.getByTestId("budget-note")).toHaveText(/^Play pauses at step 500, /);
    // Record what the polite live region says, and when.
    await page.getByTestId("training-announcer").evaluate((el) => {
      const w = window as unknown as { __said: { at: number; text: string }[] };
      w.__said = [];
      new MutationObserver(() =>
        w.__said.push({ at: performance.now(), text: el.textContent ?? "" }),
      ).observe(el, { childList: true, characterData: true, subtree: true });
    });
    await page.getByRole("button", { name: "Play" }).click();
    await expect.poll(() => stepOf(page, "a"), { timeout: 60_000 }).toBeGreaterThanOrEqual(30);
    await page.emulateMedia({ colorScheme: "dark" });
    await expectAccessible(page, "/train/ while training, dark");
    await page.emulateMedia({ colorScheme: "light" });
    await expect.poll(() => stepOf(page, "b")).toBeGreaterThanOrEqual(30);
    await expect(page.getByTestId("train-loss-caption")).toContainText("A's loss is");
    await expect(page.getByTestId("run-a-ap")).toHaveText(/^\d/);
    await expect(page.getByTestId("run-b-ap")).toHaveText(/^\d/);
    // The first evaluation after step 0 comes at step 50 (TrainPage's EVAL_EVERY).
    await expect(page.getByTestId("train-ap-caption")).toContainText(/At step ([5-9]\d|\d{3})/, {
      timeout: 60_000,
    });

    // Progress is announced politely, every few seconds at most; captions are not live here.
    await expect(page.getByTestId("training-announcer")).toHaveText(
      /^Step [\d,]+ of run A, [\d,]+ of run B; held-out AP: A [\d.]+, B [\d.]+\.$/,
      { timeout: 20_000 },
    );
    expect(await page.locator("figcaption[aria-live]").count()).toBe(0);
    await page.getByRole("button", { name: "Pause" }).click();
    await expect(page.getByTestId("session-status")).toHaveText("paused");
    await expect(page.getByTestId("training-announcer")).toHaveText(/^Paused\. Step /);
    const said = await page.evaluate(
      () => (window as unknown as { __said: { at: number; text: string }[] }).__said,
    );
    expect(said[0]?.text).toBe("Training.");
    const progress = said.filter((s) => s.text.startsWith("Step "));
    expect(progress.length).toBeGreaterThan(0);
    for (let i = 1; i < progress.length; i++) {
      expect((progress[i]?.at ?? 0) - (progress[i - 1]?.at ?? 0)).toBeGreaterThanOrEqual(4900);
    }
    const paused = await stepOf(page, "a");
    await page.waitForTimeout(1500);
    expect(await stepOf(page, "a")).toBe(paused);

    await page.getByRole("button", { name: "Step" }).click();
    await expect.poll(() => stepOf(page, "a")).toBe(paused + 1);

    await page.getByRole("button", { name: "Reset" }).click();
    await expect.poll(() => stepOf(page, "a")).toBe(0);
    await expect.poll(() => stepOf(page, "b")).toBe(0);
    await expect(page.getByTestId("train-loss-caption")).toContainText("No steps yet");
    await expectNoBadNumbers(page);
  });

  test("held-out evaluations in a second worker show the same numbers as on the training thread", async ({
    browser,
  }) => {
    test.setTimeout(150_000);
    // The step-50 evaluation of the same pair, once from the second worker (the default on
    // single-threaded wasm) and once on the training thread (`evalworker=0`).
    const at50 = async (query: string, secondWorker: boolean) => {
      const page = await browser.newPage();
      await page.goto(`./train/?backend=wasm&batch=4${query}`);
      await expect(page.getByRole("button", { name: "Play" })).toBeEnabled({ timeout: 60_000 });
      const reason = page.getByTestId("backend-reason");
      await expect(reason).toContainText("Training runs in a background worker");
      if (secondWorker) await expect(reason).toContainText("held-out evaluations in a second one");
      else await expect(reason).not.toContainText("second one");
      // What `npm run bench:ui` reads.
      await expect(reason).toHaveAttribute(
        "data-evaluations",
        secondWorker ? "second worker" : "training thread",
      );
      await page.getByRole("button", { name: "Play" }).click();
      await expect.poll(() => stepOf(page, "b"), { timeout: 60_000 }).toBeGreaterThanOrEqual(50);
      await page.getByRole("button", { name: "Pause" }).click();
      await expect(page.getByTestId("session-status")).toHaveText("paused");
      expect(await stepOf(page, "a")).toBeLessThan(100);
      await viewFigure(page, "train-ap");
      const ap = page.getByTestId("train-ap-caption");
      await expect(ap).toContainText("At step 50:", { timeout: 30_000 });
      // Figure 8 (the latest evaluation's PR curves) repeats AP and recall from its own data.
      await viewFigure(page, "train-pr");
      const pr = page.getByTestId("train-pr-caption");
      await expect(pr).toContainText("B: AP", { timeout: 30_000 });
      const captions = [await ap.textContent(), await pr.textContent()];
      // No notice at all: in particular none saying the second worker failed.
      await expect(page.getByTestId("session-notice")).toHaveCount(0);
      await expectNoBadNumbers(page);
      await page.close();
      return captions;
    };
    const offThread = await at50("", true);
    const inline = await at50("&evalworker=0", false);
    expect(offThread).toEqual(inline);
  });

  test("the URL round trip restores the whole setup", async ({ page, context }) => {
    await page.goto(
      "./train/?backend=cpu&seed=7&batch=2&imbalance=300&aLoss=fl&aGamma=1.5&bOpt=sgd&bLr=0.01",
    );
    await expect(page.getByRole("combobox", { name: "Run A loss" })).toHaveValue("fl");
    await page.getByRole("combobox", { name: "Run B loss" }).selectOption("alpha-ce");
    await page.getByRole("combobox", { name: "Run A optimizer" }).selectOption("adam");
    await expect(page).toHaveURL(
      /seed=7&batch=2&imbalance=300&wd=0\.0001&warmup=0&backend=cpu&aLoss=fl&aGamma=1\.5&aAlpha=0\.75&aPrior=1&aOpt=adam&aLr=0\.01&bLoss=alpha-ce/,
    );
    const url = page.url();
    const other = await context.newPage();
    await other.goto(url);
    await expect(other.getByRole("combobox", { name: "Run A loss" })).toHaveValue("fl");
    await expect(other.getByRole("combobox", { name: "Run B loss" })).toHaveValue("alpha-ce");
    await expect(other.getByRole("combobox", { name: "Run A optimizer" })).toHaveValue("adam");
    await expect(other.getByRole("combobox", { name: "Run B optimizer" })).toHaveValue("sgd");
    await expect(other.getByRole("combobox", { name: "Run B learning rate" })).toHaveValue("0.01");
    await expect(other.getByRole("textbox", { name: "Run A gamma value" })).toHaveValue("1.5");
    await expect(other.getByRole("textbox", { name: "Seed value" })).toHaveValue("7");
    await expect(other.getByRole("textbox", { name: "Imbalance value" })).toHaveValue("300");
    expect(other.url()).toBe(url);
    await expect(other.getByTestId("backend-badge")).toHaveAttribute("data-backend", "cpu", {
      timeout: 60_000,
    });
  });

  test("auto picks a backend by timing and says why; the main-thread fallback trains too", async ({
    page,
  }) => {
    test.setTimeout(120_000);
    await page.goto("./train/?backend=auto&batch=2&worker=0");
    await expect(page.getByTestId("backend-reason")).toContainText("fastest", { timeout: 90_000 });
    await expect(page.getByTestId("backend-reason")).toContainText("on this page (no worker)");
    await page.getByRole("button", { name: "Step" }).click();
    await expect.poll(() => stepOf(page, "a"), { timeout: 60_000 }).toBe(1);
  });

  test("bad setup parameters are clamped or reset with a notice", async ({ page }) => {
    await page.goto("./train/?backend=quantum&imbalance=5&aLr=abc&bLoss=<b>x</b>");
    const notice = page.getByTestId("param-notice");
    await expect(notice).toContainText(
      "“backend” = “quantum” is not a valid value: reset to auto.",
    );
    await expect(notice).toContainText("clamped to 100");
    await expect(page.getByRole("combobox", { name: "Run B loss" })).toHaveValue("alpha-fl");
    await expectNoBadNumbers(page);
  });
});

test("a preset says what it sets up and what our benchmark measured for exactly that", async ({
  page,
}) => {
  await page.goto("./train/?backend=wasm");
  await page.getByRole("button", { name: "Plain CE against α-FL", exact: true }).click();
  // The measured sentence is worked out when the button reads it (content/presets.ts).
  await expect(page.getByTestId("preset-note")).toHaveText(
    /^Plain CE against α-FL: The paper's recipe, .+ In our benchmark \(\d+ seeds, Node, wasm backend; .+ at step [\d,]+ A .+ at step [\d,]+\.$/,
  );
  await expect(page).toHaveURL(/aLoss=ce/);
});

test("the training page lays out at 360 px without horizontal scrolling", async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 800 });
  await page.goto("./train/?backend=wasm&batch=2");
  await expect(page.getByTestId("backend-badge")).toHaveAttribute("data-backend", "wasm", {
    timeout: 60_000,
  });
  // The metrics figure hydrates (and shows the first evaluation) once the reader reaches it.
  await viewFigure(page, "train-ap");
  await expect(page.getByTestId("run-b-ap")).toBeVisible({ timeout: 60_000 });
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - window.innerWidth,
  );
  expect(overflow).toBeLessThanOrEqual(0);
  // Every data table open, at 360 px.
  const closed = page.locator("figure details:not([open]) > summary");
  while ((await closed.count()) > 0) await closed.first().click();
  await expectAccessible(page, "/train/ at 360 px, every data table open");
});

test("run N seeds trains the pair again in the background and states what it measured", async ({
  page,
}) => {
  test.setTimeout(180_000);
  await page.goto("./train/?backend=wasm&batch=2");
  const panel = page.getByTestId("seeds-panel");
  // Five seeds by default; three is the fewest the panel offers (and the fewest it will call).
  await expect(panel.getByRole("combobox").first()).toHaveValue("5");
  await panel.getByRole("combobox").first().selectOption("3");
  await panel.getByRole("combobox").nth(1).selectOption("50");
  await panel.getByRole("button", { name: "Run 3 seeds" }).click();
  await expect(panel.getByTestId("seeds-summary")).toHaveText(
    /^(Level within noise|A ahead|B ahead) over 3 seeds: mean AP of B − A [+−]\d.* \(SE\) \(A \d.* ± .*, B \d.* ± .*, mean ± sd\)/,
    { timeout: 150_000 },
  );
  await expect(panel).toContainText("A difference is called only with at least 3 seeds");
  await expect(panel.getByRole("button", { name: "Run 3 seeds" })).toBeVisible();
  await expect(panel.locator("tbody tr")).toHaveCount(3);
});
