/**
 * Embedding: a plain course page on another origin (a second local port) embeds our charts with
 * the snippet from the Share menu, and the resize script from our site fits each frame.
 */
import { readFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { FrameLocator, Page } from "@playwright/test";
import { expectAccessible } from "./a11y";
import { expect, test } from "./fixtures";

const COURSE_PORT = Number(process.env.E2E_PORT ?? 4317) + 1;
const COURSE = `http://127.0.0.1:${COURSE_PORT}`;
/** The site's address as written in the course page's embed code. */
const SITE_IN_FIXTURE = "http://127.0.0.1:4317";
let course: Server;

test.use({ otherOrigins: [COURSE] });
test.beforeAll(async ({ baseURL }) => {
  // A plain static page, served as written, except that it points at wherever the site runs.
  const site = new URL(baseURL ?? SITE_IN_FIXTURE).origin;
  const html = readFileSync("e2e/fixtures-site/course.html", "utf8").replaceAll(
    SITE_IN_FIXTURE,
    site,
  );
  course = createServer((req, res) => {
    if (req.url !== "/course.html") return void res.writeHead(404).end();
    res.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(html);
  });
  await new Promise<void>((ok) => course.listen(COURSE_PORT, "127.0.0.1", ok));
});
test.afterAll(() => new Promise<void>((done) => course.close(() => done())));

/** Record any touch of cookies or storage, in every frame. */
async function watchStorage(page: Page) {
  await page.addInitScript(() => {
    const w = window as unknown as { __touched: string[] };
    w.__touched = [];
    for (const name of ["localStorage", "sessionStorage", "indexedDB"] as const) {
      Object.defineProperty(window, name, {
        get: () => {
          w.__touched.push(name);
          return undefined;
        },
      });
    }
    Object.defineProperty(document, "cookie", {
      get: () => {
        w.__touched.push("cookie");
        return "";
      },
      set: () => w.__touched.push("cookie"),
    });
  });
}

/** The frame's document fits in the frame: no inner scrollbar. */
async function innerOverflow(frame: FrameLocator) {
  return frame.locator("html").evaluate((html) => html.scrollHeight - html.clientHeight);
}

test.describe("charts embedded in a course page on another site", () => {
  test("each frame draws its chart and is resized to its content", async ({ page }) => {
    await watchStorage(page);
    await page.setViewportSize({ width: 900, height: 900 });
    await page.goto(`${COURSE}/course.html`);
    const frames = page.locator("iframe[src*='/embed/']");
    await expect(frames).toHaveCount(4);

    const cases = [
      { index: 0, chart: "loss-vs-pt", paths: 'path[data-series="fl"]' },
      { index: 1, chart: "down-weighting", paths: 'path[data-series="ratio"]' },
      { index: 2, chart: "loss-budget", paths: '[data-bar="loss-fl"]' },
    ];
    for (const { index, chart, paths } of cases) {
      const iframe = frames.nth(index);
      await iframe.scrollIntoViewIfNeeded();
      const frame = page.frameLocator(`iframe[src*='/embed/'] >> nth=${index}`);
      await expect(frame.locator(`figure[data-chart="${chart}"] ${paths}`).first()).toBeVisible();
      // The script sets the frame's height from the embed's message: no inner scrollbar, and
      // no empty band either.
      await expect
        .poll(() => iframe.evaluate((f) => (f as HTMLIFrameElement).style.height))
        .toMatch(/px$/);
      await expect.poll(() => innerOverflow(frame)).toBeLessThanOrEqual(0);
      const content = await frame
        .locator("#root")
        .evaluate((r) => r.getBoundingClientRect().height);
      const box = await iframe.evaluate((f) => f.getBoundingClientRect().height);
      expect(Math.abs(box - content)).toBeLessThanOrEqual(2);
    }

    // A frame's height follows its content: opening the data table grows it.
    const first = frames.nth(0);
    const before = await first.evaluate((f) => f.getBoundingClientRect().height);
    const frame0 = page.frameLocator("iframe[src*='/embed/'] >> nth=0");
    await frame0.getByText("Data table").click();
    await expect
      .poll(() => first.evaluate((f) => f.getBoundingClientRect().height))
      .toBeGreaterThan(before + 100);
    await expect.poll(() => innerOverflow(frame0)).toBeLessThanOrEqual(0);

    // Options: sliders on the second chart, dark theme and no caption on the third.
    const frame1 = page.frameLocator("iframe[src*='/embed/'] >> nth=1");
    await expect(frame1.getByRole("slider", { name: "gamma" })).toBeVisible();
    const frame2 = page.frameLocator("iframe[src*='/embed/'] >> nth=2");
    await expect(frame2.locator("html")).toHaveClass(/theme-dark/);
    expect(await frame2.locator("html").evaluate((h) => getComputedStyle(h).backgroundColor)).toBe(
      "rgb(17, 24, 39)",
    );
    await expect(frame2.locator("figcaption")).toHaveCount(0);

    // Every frame at once (light, controls, dark; the table open in the first).
    await expectAccessible(page, "course page with four embeds");

    // No frame touched cookies or storage.
    for (const f of page.frames()) {
      if (!f.url().includes("/embed/")) continue;
      expect(
        await f.evaluate(() => (window as unknown as { __touched: string[] }).__touched),
      ).toEqual([]);
    }
  });

  test("a bad parameter or an unknown chart gives a message in the frame, never a blank one", async ({
    page,
  }) => {
    await page.goto(`${COURSE}/course.html`);
    const frame1 = page.frameLocator("iframe[src*='/embed/'] >> nth=1");
    await expect(frame1.getByTestId("embed-notice")).toContainText(
      "“gamma” = “abc” is not a valid value: reset to 2.",
    );
    await expect(frame1.locator('figure[data-chart="down-weighting"] svg').first()).toBeVisible();

    const typo = page.locator("iframe[src*='/embed/']").nth(3);
    await typo.scrollIntoViewIfNeeded();
    const frame3 = page.frameLocator("iframe[src*='/embed/'] >> nth=3");
    await expect(frame3.getByRole("alert")).toContainText("There is no chart “los-vs-pt”.");
    await expect(frame3.getByRole("alert")).toContainText("loss-vs-pt");
    await expect.poll(() => innerOverflow(frame3)).toBeLessThanOrEqual(0);
  });

  test("the resize script ignores messages from other frames and other origins", async ({
    page,
  }) => {
    await page.goto(`${COURSE}/course.html`);
    const widget = page.locator("iframe[srcdoc]");
    const fake = { type: "focal-loss-explorer:embed-height", height: 3000 };
    await page.evaluate((msg) => window.postMessage(msg, "*"), fake);
    await page
      .frameLocator("iframe[srcdoc]")
      .locator("body")
      .evaluate((_, msg) => window.parent.postMessage(msg, "*"), fake);
    await page.waitForTimeout(300);
    expect(await widget.evaluate((f) => (f as HTMLIFrameElement).style.height)).toBe("");
    expect(await widget.evaluate((f) => f.getBoundingClientRect().height)).toBeLessThan(100);
  });

  test("markup in a parameter is shown as text, never run", async ({ page }) => {
    const markup = encodeURIComponent('<img src=x onerror="window.__pwned=1">');
    await page.goto(`./embed/?chart=${markup}`);
    await expect(page.getByRole("alert")).toContainText("<img src=x");
    await page.goto(`./embed/?chart=gradient&theme=${markup}&gamma=${markup}`);
    await expect(page.getByTestId("embed-notice")).toContainText("<img src=x");
    await expect(page.locator('figure[data-chart="gradient"] svg').first()).toBeVisible();
    expect(await page.locator("img").count()).toBe(0);
    expect(
      await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned),
    ).toBeUndefined();
  });
});

test.describe("the embed without the resize script", () => {
  const CHARTS = ["loss-vs-pt", "alpha-balanced", "down-weighting", "gradient", "loss-budget"];

  test("the default height of the embed code fits every chart from 320 to 1200 px wide", async ({
    page,
    context,
  }) => {
    // The heights come from the embed code a teacher copies from the Share menu.
    await page.goto("./");
    const snippets: { id: string; src: string; height: number }[] = [];
    for (const id of CHARTS) {
      const figure = page.locator(`figure[data-chart="${id}"]`);
      await figure.scrollIntoViewIfNeeded();
      await figure.getByRole("button", { name: /Share or export/ }).click();
      await figure.getByRole("button", { name: "Embed in a course page…" }).click();
      const textbox = figure.getByRole("textbox", { name: "Embed code" });
      for (const sliders of [false, true]) {
        await figure.getByLabel("Readers can move the sliders").setChecked(sliders);
        const code = await textbox.inputValue();
        const src = code.match(/src="([^"]+)"/)?.[1]?.replaceAll("&amp;", "&") ?? "";
        const height = Number(code.match(/height="(\d+)"/)?.[1]);
        expect(src).toContain(`/embed/?chart=${id}`);
        expect(src.includes("controls=own")).toBe(sliders);
        snippets.push({ id, src, height });
      }
      await page.keyboard.press("Escape");
    }
    const frame = await context.newPage();
    for (const width of [320, 480, 768, 1200]) {
      for (const { id, src, height } of snippets) {
        await frame.setViewportSize({ width, height });
        await frame.goto(src);
        await expect(frame.locator(`figure[data-chart="${id}"] svg`).first()).toBeVisible();
        const overflow = await frame.evaluate(() => ({
          y: document.documentElement.scrollHeight - window.innerHeight,
          x: document.documentElement.scrollWidth - window.innerWidth,
        }));
        expect(
          overflow.y,
          `${id} at ${width} px overflows its ${height} px frame`,
        ).toBeLessThanOrEqual(0);
        expect(overflow.x, `${id} at ${width} px is too wide`).toBeLessThanOrEqual(0);
      }
    }
    await frame.close();
  });
});

test("theme=light holds under a dark system setting, theme=auto follows it", async ({ page }) => {
  await page.emulateMedia({ colorScheme: "dark" });
  const background = () =>
    page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
  await page.goto("./embed/?chart=gradient&theme=light");
  await expect(page.locator('figure[data-chart="gradient"] svg').first()).toBeVisible();
  expect(await background()).toBe("rgb(255, 255, 255)");
  await page.goto("./embed/?chart=gradient");
  await expect(page.locator('figure[data-chart="gradient"] svg').first()).toBeVisible();
  expect(await background()).toBe("rgb(17, 24, 39)");
});
