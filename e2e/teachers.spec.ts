/**
 * A teacher's journeys: build a lesson in the page and open it as a student; present figures in
 * a lecture hall (1280×720 and 1920×1080, text sizes measured); print a handout to PDF (A4 and
 * US Letter, no figure cut); the theme toggle and what exports keep of it.
 */
import { readFileSync } from "node:fs";
import type { Locator, Page } from "@playwright/test";
import jsQR from "jsqr";
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";
import { expectAccessible } from "./a11y";
import { expect, expectNoBadNumbers, test, viewFigure } from "./fixtures";

const FIGURE_IDS = ["loss-vs-pt", "alpha-balanced", "down-weighting", "gradient", "loss-budget"];

/**
 * An image's RGBA pixels, read in the page, handed over as base64 (Playwright serializes a long
 * array value by value, which takes seconds), and decoded by an independent reader (jsQR).
 */
async function decodeInPage(page: Page, source: { png?: string; clipboard?: boolean }) {
  const image = await page.evaluate(async ({ png, clipboard }) => {
    let blob: Blob | undefined;
    if (clipboard) {
      const [item] = await navigator.clipboard.read();
      blob = await item?.getType("image/png");
    } else if (png) {
      // Decoded here, not fetched as a data: URL, which the site's CSP (connect-src) refuses.
      blob = new Blob([Uint8Array.from(atob(png), (c) => c.charCodeAt(0))], { type: "image/png" });
    }
    if (!blob) return null;
    const img = await createImageBitmap(blob);
    const canvas = new OffscreenCanvas(img.width, img.height);
    const ctx = canvas.getContext("2d");
    ctx?.drawImage(img, 0, 0);
    const data = ctx?.getImageData(0, 0, img.width, img.height).data;
    if (!data) return null;
    let binary = "";
    for (let i = 0; i < data.length; i += 0x8000) {
      binary += String.fromCharCode(...data.subarray(i, i + 0x8000));
    }
    return { rgba: btoa(binary), width: img.width, height: img.height };
  }, source);
  if (!image) return undefined;
  const rgba = Uint8ClampedArray.from(Buffer.from(image.rgba, "base64"));
  return jsQR(rgba, image.width, image.height)?.data;
}

/** The QR code in `target` as the screen shows it, read back. */
async function readQr(page: Page, target: Locator): Promise<string | undefined> {
  return decodeInPage(page, { png: (await target.screenshot()).toString("base64") });
}

/** The first lesson example of docs/lessons.md that hides the controls, as a teacher types it. */
function docsExample(): string {
  const docs = readFileSync("docs/lessons.md", "utf8");
  const example = docs.match(/`(\/\?gamma=2&alpha=0\.25&hide=controls,text&predict=downweight)`/);
  expect(example, "docs/lessons.md no longer has the example").not.toBeNull();
  return example?.[1] ?? "";
}

test.describe("a teacher's lesson", () => {
  test.use({ permissions: ["clipboard-read", "clipboard-write"] });

  test("build a lesson, copy link and QR, open it as a student, answer, reveal, rebuild", async ({
    page,
    baseURL,
  }) => {
    await page.goto("./");
    await page.getByRole("button", { name: "Build a lesson…" }).click();
    const builder = page.getByTestId("lesson-builder");
    await expect(builder).toBeVisible();
    await expectAccessible(page, "the lesson builder open");
    // A page that is no lesson fixes γ and α to start with.
    await expect(builder.getByRole("checkbox", { name: "γ = 2" })).toBeChecked();
    await expect(builder.getByRole("checkbox", { name: "α = 0.25" })).toBeChecked();
    await builder.getByRole("checkbox", { name: "The γ / α sliders at the top" }).check();
    await builder.getByRole("checkbox", { name: "The article's text (figures only)" }).check();
    await builder.getByRole("radio", { name: /How much less an easy example counts/ }).check();
    const link = builder.getByTestId("lesson-link");
    // The builder's link is the one a teacher types by hand from the docs.
    await expect(link).toHaveValue(new URL(docsExample(), baseURL).href);
    await expect(builder.getByTestId("lesson-summary")).toContainText(
      "With γ = 2, how many times less does a well-classified example",
    );

    const note = "Read Figure 3 first, then guess.";
    await builder.getByRole("textbox", { name: /Note for the class/ }).fill(note);
    const built = `${new URL(docsExample(), baseURL).href}&note=Read+Figure+3+first,+then+guess.`;
    await expect(link).toHaveValue(built);
    await builder.getByRole("button", { name: "Copy link" }).click();
    await expect(builder.getByRole("status")).toHaveText("Lesson link copied.");
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(built);
    // The QR code on screen reads back as the link, and so does the copied image.
    expect(await readQr(page, builder.getByTestId("lesson-qr"))).toBe(built);
    await builder.getByRole("button", { name: "Copy QR code" }).click();
    await expect(builder.getByRole("status")).toHaveText("QR code copied as an image.");
    expect(await decodeInPage(page, { clipboard: true })).toBe(built);

    // The student opens it: the note as text, the question, no sliders, an empty guess.
    await page.goto(built);
    await expect(page.getByTestId("lesson-note")).toContainText(note);
    const card = page.getByTestId("predict-card");
    await expect(card).toContainText("With γ = 2, how many times less");
    await expect(page.getByRole("slider")).toHaveCount(0);
    await expect(page.locator("figure[data-chart]")).toHaveCount(0);
    const guess = card.getByRole("textbox", { name: "your guess value" });
    await expect(guess).toHaveValue("");
    await card.getByRole("button", { name: "Reveal the figure" }).click();
    await expect(card).toContainText("Type a number first");
    await guess.fill("20");
    await guess.press("Enter");
    await expect(page.getByTestId("predict-result")).toContainText(
      "You predicted 20×; the figure shows 100×: off by a factor of 5 (too low).",
    );
    await expect(page.locator("#down-weighting")).toBeInViewport({ ratio: 1 });
    // Text hidden: the figures only; the article's instruction to move γ is not among them.
    await expect(page.getByText("Change γ and watch")).toBeHidden();
    await expectNoBadNumbers(page);

    // The builder opened on the lesson restores every choice: the same link.
    await page.getByRole("button", { name: "Build a lesson…" }).click();
    await expect(page.getByTestId("lesson-link")).toHaveValue(built);
    await expect(
      page.getByRole("checkbox", { name: "The γ / α sliders at the top" }),
    ).toBeChecked();
    await expect(
      page.getByRole("checkbox", { name: "Each figure's own controls" }),
    ).not.toBeChecked();
    await expect(page.getByRole("radio", { name: /How much less an easy/ })).toBeChecked();
    await expect(page.getByRole("checkbox", { name: /R = 1,000/ })).not.toBeChecked();
    await expect(page.getByRole("textbox", { name: /Note for the class/ })).toHaveValue(note);
  });

  test("predict first: no live sliders while answering; the reveal lands below the sticky bar", async ({
    page,
  }) => {
    await page.goto("./?gamma=1&predict=downweight");
    await expect(page.getByTestId("predict-card")).toContainText("With γ = 1,");
    await expect(page.getByRole("slider", { name: "gamma" })).toHaveCount(0);
    await page.getByRole("textbox", { name: "your guess value" }).fill("10");
    await page.getByRole("button", { name: "Reveal the figure" }).click();
    const bar = page.locator("[data-sticky-bar]");
    await expect(bar).toBeVisible();
    const result = page.getByTestId("predict-result");
    await expect(result).toContainText("the figure shows 10×");
    // The whole figure between the sticky bar and the result banner.
    await expect(async () => {
      const figure = await page.locator("#down-weighting").boundingBox();
      const top = await bar.boundingBox();
      const banner = await result.boundingBox();
      expect(figure && top && banner).toBeTruthy();
      if (!figure || !top || !banner) return;
      expect(figure.y).toBeGreaterThanOrEqual(top.y + top.height);
      expect(figure.y + figure.height).toBeLessThanOrEqual(banner.y);
    }).toPass({ timeout: 5000 });
    // With the sliders live after the answer, the article's instruction is the real one.
    await expect(
      page.getByText("Change γ and watch where each figure's curves bend."),
    ).toBeVisible();
    // Moving γ afterwards does not rewrite the verdict: it was for the question's γ.
    const field = page.getByRole("textbox", { name: "gamma value" });
    await field.fill("3");
    await field.press("Enter");
    await expect(result).toContainText("at the question's settings the answer was 10×");
  });

  test("a hostile or overlong note is shown as text only, cut, with a notice", async ({ page }) => {
    const hostile = `<img src=x onerror="document.title='owned'"> \u202Egnp.exe <b>bold</b>\u0007${"x".repeat(400)}`;
    await page.goto(`./?hide=controls&note=${encodeURIComponent(hostile)}`);
    const note = page.getByTestId("lesson-note");
    await expect(note).toContainText(
      "<img src=x onerror=\"document.title='owned'\"> gnp.exe <b>bold</b>",
    );
    await expect(note.locator("img, b")).toHaveCount(0);
    const shown = (await note.locator("p").nth(1).textContent()) ?? "";
    expect([...shown].length).toBeLessThanOrEqual(280);
    expect(shown).not.toMatch(/[\u202E\u0007]/);
    await expect(page.getByTestId("param-notice")).toContainText(
      "“note” is longer than 280 characters: only the first 280 are shown.",
    );
    expect(await page.title()).not.toBe("owned");
    // Instructions adapt: the γ slider is hidden, so the article does not ask to move it.
    await expect(page.getByText("Change γ and watch")).toBeHidden();
    await expect(
      page.getByText("Each figure below is drawn at the γ chosen for this lesson"),
    ).toBeVisible();
  });
});

/** Every visible text in present mode: its size as drawn on screen (font size × the scale). */
async function presentedText(page: Page) {
  return page.getByTestId("present-figure").evaluate((content) => {
    const scale = content.getBoundingClientRect().width / (content as HTMLElement).offsetWidth;
    const sizes: { size: number; text: string }[] = [];
    const walker = document.createTreeWalker(content, NodeFilter.SHOW_TEXT);
    while (walker.nextNode()) {
      const node = walker.currentNode as Text;
      const el = node.parentElement;
      if (!node.data.trim() || !el || el.closest(".sr-only")) continue;
      if (el.getBoundingClientRect().width === 0) continue;
      sizes.push({
        size: Number.parseFloat(getComputedStyle(el).fontSize) * scale,
        text: node.data,
      });
    }
    const title = content.querySelector("h3");
    return {
      min: Math.min(...sizes.map((s) => s.size)),
      title: title ? Number.parseFloat(getComputedStyle(title).fontSize) * scale : 0,
      box: content.getBoundingClientRect().toJSON() as DOMRect,
      stage: content.parentElement?.getBoundingClientRect().toJSON() as DOMRect,
    };
  });
}

test.describe("present mode", () => {
  // Floors for the smallest text on screen (subscripts included) and for the figure's title.
  const SCREENS = [
    { width: 1280, height: 720, smallest: 13, title: 36 },
    { width: 1920, height: 1080, smallest: 20, title: 54 },
  ];
  for (const screen of SCREENS) {
    test(`every figure fills a ${screen.width}×${screen.height} screen with large type`, async ({
      page,
    }, testInfo) => {
      await page.setViewportSize({ width: screen.width, height: screen.height });
      await page.goto("./?present=loss-vs-pt&theme=dark");
      await expect(page.locator("html")).toHaveClass(/theme-dark/);
      if (screen.width === 1280) {
        await expect(
          page.getByTestId("present-figure").locator("figure svg").first(),
        ).toBeVisible();
        await expectAccessible(page, "present mode, dark theme");
      }
      const sizes: string[] = [];
      for (const [i, id] of FIGURE_IDS.entries()) {
        if (i > 0) await page.keyboard.press("ArrowRight");
        await expect(page).toHaveURL(new RegExp(`present=${id}`));
        const figure = page.getByTestId("present-figure");
        await expect(figure.locator(`figure[data-chart="${id}"]`)).toBeVisible();
        await expect(figure).toHaveCSS("visibility", "visible");
        const m = await presentedText(page);
        sizes.push(`${id}: smallest ${m.min.toFixed(1)} px, title ${m.title.toFixed(1)} px`);
        // The figure fits the screen: nothing cut, nothing to scroll.
        expect(m.box.left).toBeGreaterThanOrEqual(m.stage.left - 0.5);
        expect(m.box.right).toBeLessThanOrEqual(m.stage.right + 0.5);
        expect(m.box.top).toBeGreaterThanOrEqual(m.stage.top - 0.5);
        expect(m.box.bottom).toBeLessThanOrEqual(m.stage.bottom + 0.5);
        expect(m.min, id).toBeGreaterThanOrEqual(screen.smallest);
        expect(m.title, id).toBeGreaterThanOrEqual(screen.title);
        await page.screenshot({ path: testInfo.outputPath(`present-${screen.width}-${id}.png`) });
      }
      await testInfo.attach("text sizes", { body: sizes.join("\n") });
      console.log(`present ${screen.width}×${screen.height}\n${sizes.join("\n")}`);
    });
  }

  test("keys step through figures and the γ family; the link reopens it; Esc returns", async ({
    page,
  }) => {
    await page.goto("./?gamma=2&present=alpha-balanced");
    await expect(page.getByTestId("present-figure")).toHaveCSS("visibility", "visible");
    await page.keyboard.press("ArrowLeft");
    await expect(page).toHaveURL(/present=loss-vs-pt/);
    await page.keyboard.press("ArrowLeft");
    await expect(page).toHaveURL(/present=loss-vs-pt/);
    const caption = page.getByTestId("loss-vs-pt-caption");
    await page.keyboard.press("ArrowUp");
    await expect(page).toHaveURL(/gamma=5&/);
    await expect(caption).toContainText("focal loss (FL, γ = 5)");
    for (const gamma of ["2", "1", "0.5", "0", "0"]) {
      await page.keyboard.press("ArrowDown");
      await expect(page).toHaveURL(new RegExp(`gamma=${gamma}&`));
    }
    await expect(caption).toContainText("At γ = 0 focal loss is cross-entropy");
    await page.keyboard.press("ArrowUp");
    await page.keyboard.press("PageDown");
    await expect(page).toHaveURL(/present=alpha-balanced/);
    await page.getByRole("combobox", { name: "Theme" }).selectOption("light");
    await expect(page).toHaveURL(/theme=light/);
    // A presenter's link reopens the same figure, state and theme.
    const url = page.url();
    await page.goto(url);
    await expect(page.getByTestId("alpha-balanced-caption")).toContainText("γ = 0.5");
    await expect(page.locator("html")).toHaveClass(/theme-light/);
    await page.keyboard.press("Escape");
    await expect(page.getByTestId("present")).toHaveCount(0);
    await expect(page.locator("#alpha-balanced")).toBeInViewport();
    await expect(page).not.toHaveURL(/present=/);
  });

  test("an embed offers present mode for its chart", async ({ page }) => {
    await page.goto("./embed/?chart=gradient&gamma=3&theme=dark");
    const link = page.getByRole("link", { name: "Present full screen ↗" });
    const href = (await link.getAttribute("href")) ?? "";
    expect(new URL(href).searchParams.get("present")).toBe("gradient");
    expect(new URL(href).searchParams.get("theme")).toBe("dark");
    await page.goto(href);
    await expect(page.getByTestId("gradient-caption")).toContainText("γ = 3");
  });
});

test.describe("a printed handout", () => {
  // A sharper screen, so the small printed QR code reads from a screenshot.
  test.use({ deviceScaleFactor: 2 });

  test("A4 and US Letter: every chosen figure whole on one page, with the link and QR", async ({
    page,
    baseURL,
  }) => {
    await page.goto("./");
    await page.getByRole("button", { name: "Build a lesson…" }).click();
    const builder = page.getByTestId("lesson-builder");
    await builder.getByRole("textbox", { name: /Note for the class/ }).fill("Bring this to class.");
    await builder.getByRole("link", { name: "Open the handout" }).click();
    const handout = page.getByTestId("handout");
    await expect(handout.locator("figure[data-chart]")).toHaveCount(6);
    await expect(handout.getByTestId("handout-note")).toContainText("Bring this to class.");
    await expectAccessible(page, "the handout");
    const live = `${baseURL}/?gamma=2&alpha=0.25&note=Bring+this+to+class.`;
    await expect(handout.getByTestId("handout-link-back")).toHaveText(live);
    expect(await readQr(page, handout.getByTestId("handout-qr"))).toBe(live);
    await expect(handout.getByRole("slider")).toHaveCount(0);
    // What each figure starts and ends with: its title and the end of its caption (without
    // sub- and superscripts, which the PDF's text lists apart).
    const marks = await handout.locator("figure[data-chart]").evaluateAll((figures) =>
      figures.map((f) => {
        const caption = f.querySelector("figcaption")?.cloneNode(true) as HTMLElement | undefined;
        for (const el of caption?.querySelectorAll("sub, sup") ?? []) el.remove();
        return {
          title: f.querySelector("h3")?.textContent ?? "",
          end: (caption?.textContent ?? "").replace(/\s+/g, "").slice(-14),
        };
      }),
    );
    const squash = (s: string) => s.replace(/\s+/g, "");
    for (const format of ["A4", "Letter"] as const) {
      const pdf = await page.pdf({ format, printBackground: true });
      const doc = await getDocument({ data: new Uint8Array(pdf), verbosity: 0 }).promise;
      const pages: string[] = [];
      for (let i = 1; i <= doc.numPages; i += 1) {
        const content = await (await doc.getPage(i)).getTextContent();
        pages.push(squash(content.items.map((item) => ("str" in item ? item.str : "")).join("")));
      }
      console.log(`handout ${format}: ${doc.numPages} pages`);
      expect(doc.numPages, format).toBeGreaterThanOrEqual(2);
      expect(doc.numPages, format).toBeLessThanOrEqual(6);
      expect(pages[0]).toContain(squash(live));
      for (const { title, end } of marks) {
        const starts = pages.findIndex((p) => p.includes(squash(title)));
        const ends = pages.findIndex((p, i) => i >= starts && p.includes(end));
        expect(starts, `${format}: ${title}`).toBeGreaterThanOrEqual(0);
        // The figure ends on the page it starts on: not cut.
        expect(ends, `${format}: ${title} ends on its page`).toBe(starts);
      }
    }
  });
});

test.describe("the theme toggle", () => {
  test("forces light or dark, lives only in the URL, travels between pages and into exports", async ({
    page,
  }) => {
    await page.goto("./?gamma=3");
    const toggle = page.getByRole("combobox", { name: "Theme" });
    await toggle.selectOption("dark");
    await expect(page.locator("html")).toHaveClass(/theme-dark/);
    await expect(page).toHaveURL(/\?gamma=3&.*&theme=dark$/);
    await expect(page.locator("html")).toHaveCSS("background-color", "rgb(11, 17, 32)");
    expect(await page.evaluate(() => localStorage.length + sessionStorage.length)).toBe(0);

    // An export keeps the theme shown, with the optional source line.
    await viewFigure(page, "loss-vs-pt");
    const figure = page.locator('figure[data-chart="loss-vs-pt"]');
    await figure.getByRole("button", { name: /Share or export/ }).click();
    await figure.getByRole("button", { name: "Embed in a course page…" }).click();
    await figure.getByRole("checkbox", { name: "Title above the chart" }).uncheck();
    await expect(figure.getByRole("textbox", { name: "Embed code" })).toHaveValue(/&amp;title=0"/);
    const [file] = await Promise.all([
      page.waitForEvent("download"),
      figure.getByRole("button", { name: "Download SVG" }).click(),
    ]);
    const svg = readFileSync((await file.path()) ?? "", "utf8");
    expect(svg).toMatch(/<rect width="\d+" height="\d+" fill="#111827"/);
    expect(svg).toMatch(
      /<text[^>]*>Focal Loss Explorer — http:\/\/127\.0\.0\.1:\d+\/\?gamma=3&[^<]*#loss-vs-pt<\/text>/,
    );
    await figure.getByRole("checkbox", { name: "Source line and link on images" }).uncheck();
    const [plain] = await Promise.all([
      page.waitForEvent("download"),
      figure.getByRole("button", { name: "Download SVG" }).click(),
    ]);
    expect(readFileSync((await plain.path()) ?? "", "utf8")).not.toContain("Focal Loss Explorer —");

    await page
      .getByRole("navigation", { name: "Pages" })
      .getByRole("link", { name: "Train it yourself" })
      .click();
    await expect(page).toHaveURL(/\/train\/\?.*theme=dark/);
    await expect(page.locator("html")).toHaveClass(/theme-dark/);
    await page.getByRole("combobox", { name: "Theme" }).selectOption("auto");
    await expect(page.locator("html")).not.toHaveClass(/theme-/);
    await expect(page).not.toHaveURL(/theme=/);
  });
});
