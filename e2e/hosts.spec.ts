/**
 * Embeds where teachers really put them, each host a stand-in that behaves like the real one
 * (served from a second origin): a Canvas-like course page that strips the teacher's <script>
 * and resizes frames on `lti.frameResize`, a Brightspace-like one on
 * `org.imsglobal.lti.frameResize`, a reveal.js deck (the reveal.js package, 960×700 slides,
 * frames in a 500 px box), and a Jupyter-style fixed-height IFrame output.
 */
import { readFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import { extname, join, normalize } from "node:path";
import type { FrameLocator, Locator, Page } from "@playwright/test";
import { expectAccessible } from "./a11y";
import { expect, test } from "./fixtures";

const HOST_PORT = Number(process.env.E2E_PORT ?? 4317) + 3;
const HOST = `http://127.0.0.1:${HOST_PORT}`;
const SITE_IN_FIXTURES = "http://127.0.0.1:4317";
const REVEAL = "node_modules/reveal.js/dist";
let server: Server;

test.use({ otherOrigins: [HOST] });
test.beforeAll(async ({ baseURL }) => {
  const site = new URL(baseURL ?? SITE_IN_FIXTURES).origin;
  const fixture = (name: string) =>
    readFileSync(`e2e/fixtures-site/${name}`, "utf8").replaceAll(SITE_IN_FIXTURES, site);
  // What the teacher pasted, after the LMS's sanitizer: every <script> element removed.
  const content = fixture("canvas-page.html").replace(/<script\b[^>]*>[\s\S]*?<\/script>/gi, "");
  const lms = (subject: string) =>
    fixture("lms.html").replace("<!--CONTENT-->", content).replace("<!--SUBJECT-->", subject);
  const pages: Record<string, string> = {
    "/canvas.html": lms("lti.frameResize"),
    "/brightspace.html": lms("org.imsglobal.lti.frameResize"),
    "/deck.html": fixture("deck.html"),
    "/notebook.html": fixture("notebook.html"),
  };
  const types: Record<string, string> = { ".mjs": "text/javascript", ".css": "text/css" };
  server = createServer((req, res) => {
    const path = new URL(req.url ?? "/", HOST).pathname;
    const page = pages[path];
    if (page) return void res.writeHead(200, { "content-type": "text/html" }).end(page);
    if (path.startsWith("/reveal/")) {
      const file = normalize(join(REVEAL, path.slice("/reveal/".length)));
      if (!file.startsWith(REVEAL)) return void res.writeHead(403).end();
      try {
        const body = readFileSync(file);
        res.writeHead(200, { "content-type": types[extname(file)] ?? "text/plain" });
        return void res.end(body);
      } catch {
        // fall through
      }
    }
    res.writeHead(404).end();
  });
  await new Promise<void>((ok) => server.listen(HOST_PORT, "127.0.0.1", ok));
});
test.afterAll(() => new Promise<void>((done) => server.close(() => done())));

/** What the frame's own document would scroll by (0: no inner scrollbar). */
const innerOverflow = (frame: FrameLocator) =>
  frame.locator("html").evaluate((h) => ({
    y: h.scrollHeight - h.clientHeight,
    x: h.scrollWidth - h.clientWidth,
  }));

/** The frame's content as drawn (after any fit scaling) lies within the frame's viewport. */
async function expectAllVisible(frame: FrameLocator) {
  const box = await frame.locator("#root").evaluate((r) => {
    const b = r.getBoundingClientRect();
    return { top: b.top, bottom: b.bottom, left: b.left, right: b.right };
  });
  const view = await frame
    .locator("html")
    .evaluate(() => ({ width: window.innerWidth, height: window.innerHeight }));
  expect(box.top).toBeGreaterThanOrEqual(-0.5);
  expect(box.left).toBeGreaterThanOrEqual(-0.5);
  expect(box.bottom).toBeLessThanOrEqual(view.height + 0.5);
  expect(box.right).toBeLessThanOrEqual(view.width + 0.5);
}

/** Open the data table: in a frame that cannot grow it is a dialog that scrolls inside it. */
async function expectTableInPanel(frame: FrameLocator, whileOpen?: () => Promise<void>) {
  await frame.getByRole("button", { name: "Data table" }).first().click();
  const dialog = frame.getByRole("dialog", { name: /^Data table: / });
  await expect(dialog).toBeVisible();
  await expectWithinFrame(frame, dialog);
  const lastRow = dialog.locator("tbody tr").last();
  await lastRow.scrollIntoViewIfNeeded();
  await expect(lastRow).toBeInViewport();
  await expectWithinFrame(frame, lastRow);
  await whileOpen?.();
  await dialog.press("Escape");
  await expect(dialog).toBeHidden();
  await expect(frame.getByRole("button", { name: "Data table" }).first()).toBeFocused();
}

async function expectWithinFrame(frame: FrameLocator, target: Locator) {
  const [box, height] = await Promise.all([
    target.evaluate((el) => {
      const b = el.getBoundingClientRect();
      return { top: b.top, bottom: b.bottom };
    }),
    frame.locator("html").evaluate(() => window.innerHeight),
  ]);
  expect(box.top).toBeGreaterThanOrEqual(-0.5);
  expect(box.bottom).toBeLessThanOrEqual(height + 0.5);
}

async function lmsJourney(page: Page, path: string) {
  await page.setViewportSize({ width: 900, height: 900 });
  await page.goto(`${HOST}${path}`);
  // The sanitizer removed the teacher's <script>: our resize script never ran.
  expect(await page.locator("script[src*='embed.js']").count()).toBe(0);
  expect(await page.evaluate(() => "__focalLossExplorerEmbed" in window)).toBe(false);
  const iframe = page.locator("iframe");
  const frame = page.frameLocator("iframe");
  await expect(frame.locator('[data-chart="loss-vs-pt"] path[data-series="fl"]')).toBeVisible();
  // The platform sized the 300 px frame to the content from the embed's own message.
  await expect
    .poll(() => iframe.evaluate((f) => f.getBoundingClientRect().height))
    .toBeGreaterThan(400);
  await expect.poll(async () => (await innerOverflow(frame)).y).toBeLessThanOrEqual(0);
  const content = await frame.locator("#root").evaluate((r) => r.getBoundingClientRect().height);
  const box = await iframe.evaluate((f) => f.getBoundingClientRect().height);
  expect(Math.abs(box - content)).toBeLessThanOrEqual(2);
  await expect(frame.locator("html")).not.toHaveClass(/embed-fit/);
  // The host follows: the table opens below the chart and the frame grows with it.
  await frame.getByText("Data table").click();
  await expect(frame.locator("figure table")).toBeVisible();
  await expect
    .poll(() => iframe.evaluate((f) => f.getBoundingClientRect().height))
    .toBeGreaterThan(box + 100);
  await expect.poll(async () => (await innerOverflow(frame)).y).toBeLessThanOrEqual(0);
  expect(
    (await page.evaluate(() => (window as unknown as { __resizes: number[] }).__resizes)).length,
  ).toBeGreaterThan(0);
}

test.describe("embeds in the places teachers use", () => {
  test("a Canvas page strips the script, and lti.frameResize fits the frame to its content", async ({
    page,
  }) => {
    await lmsJourney(page, "/canvas.html");
  });

  test("a Brightspace-like page fits the frame on org.imsglobal.lti.frameResize", async ({
    page,
  }) => {
    await lmsJourney(page, "/brightspace.html");
  });

  test("a reveal.js deck: 500 px frames show the whole chart, no inner scrollbar, tables reachable", async ({
    page,
  }) => {
    test.setTimeout(90_000);
    await page.setViewportSize({ width: 1280, height: 720 });
    await page.goto(`${HOST}/deck.html`);
    await page.waitForFunction(() =>
      (window as unknown as { Reveal?: { isReady(): boolean } }).Reveal?.isReady(),
    );
    expect(
      await page.evaluate(() =>
        (
          window as unknown as { Reveal: { getConfig(): { width: number; height: number } } }
        ).Reveal.getConfig(),
      ),
    ).toMatchObject({ width: 960, height: 700 });

    // Slide 2: the embed code with the resize script. The theme caps the frame (max-height 95%)
    // below the chart's height, so the frame cannot follow: the embed fits itself to it.
    await page.keyboard.press("ArrowRight");
    const frame2 = page.frameLocator("section.present iframe");
    await expect(frame2.locator('[data-chart="loss-budget"] [data-bar="loss-fl"]')).toBeVisible();
    await expect(frame2.locator("html")).toHaveClass(/embed-fit/, { timeout: 10_000 });
    expect(await innerOverflow(frame2)).toEqual({ x: 0, y: 0 });
    await expectAllVisible(frame2);
    // The sliders still work after scaling.
    await frame2.getByRole("textbox", { name: "R, negatives per positive value" }).fill("10");
    await frame2.getByRole("textbox", { name: "R, negatives per positive value" }).press("Enter");
    await expectAllVisible(frame2);
    await expectTableInPanel(frame2);
    expect(await innerOverflow(frame2)).toEqual({ x: 0, y: 0 });

    // Slide 3: fit=1, the tallest chart (four score maps), fitted at once. (The keyboard is in
    // slide 2's frame now, so the deck is moved by its API.)
    await page.evaluate(() => (window as unknown as { Reveal: { next(): void } }).Reveal.next());
    const frame3 = page.frameLocator("section.present iframe");
    await expect(frame3.locator('[data-chart="train-heatmaps"] canvas').first()).toBeVisible();
    await expect(frame3.locator("html")).toHaveClass(/embed-fit/);
    await expect.poll(async () => (await innerOverflow(frame3)).y).toBe(0);
    await expectAllVisible(frame3);
    await expectTableInPanel(frame3);
  });

  test("a Jupyter-style fixed-height IFrame fits the chart, with no script on the page", async ({
    page,
  }) => {
    await page.setViewportSize({ width: 900, height: 700 });
    await page.goto(`${HOST}/notebook.html`);
    const frame = page.frameLocator("iframe");
    await expect(frame.locator('[data-chart="gradient"] path').first()).toBeVisible();
    expect(await page.locator("iframe").evaluate((f) => f.getBoundingClientRect().height)).toBe(
      420,
    );
    await expect(frame.locator("html")).toHaveClass(/embed-fit/, { timeout: 10_000 });
    expect(await innerOverflow(frame)).toEqual({ x: 0, y: 0 });
    await expectAllVisible(frame);
    // The embed, not the notebook's markup (IPython's IFrame writes no title).
    await expectAccessible(page, "an embed fitted to a notebook's fixed frame", {
      within: "iframe",
    });
    // The crosshair still reads values from the keyboard in the scaled chart.
    await frame.locator('[data-chart="gradient"] svg[role="img"]').focus();
    await page.keyboard.press("ArrowRight");
    await expect(frame.locator('[data-chart="gradient"] [data-testid="crosshair"]')).toBeVisible();
    await expectTableInPanel(frame, () =>
      expectAccessible(page, "an embed's data table open in its dialog", { within: "iframe" }),
    );
  });
});
