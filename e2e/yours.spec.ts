/**
 * "Your own model": bring a file, read it in the worker, see the figures follow γ and α, get a
 * clear message for every kind of bad input, and take the loss home as code. The file never
 * leaves the tab: no request carries its content, and nothing is stored.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "@playwright/test";
import { expectAccessible } from "./a11y";
import { expect, expectNoBadNumbers, test } from "./fixtures";

const FIXTURES = join(import.meta.dirname, "../src/userdata/fixtures");
const fixture = (name: string) => readFileSync(join(FIXTURES, name));

async function choose(page: Page, name: string, content: string | Buffer) {
  const buffer = typeof content === "string" ? Buffer.from(content) : content;
  await page
    .locator('input[type="file"]')
    .setInputFiles({ name, mimeType: "application/octet-stream", buffer });
}

async function waitForExample(page: Page) {
  await expect(page.getByTestId("imbalance")).toBeVisible({ timeout: 30_000 });
}

test.describe("your own model", () => {
  test("shows an example on arrival, loads each example, and every figure follows γ and α", async ({
    page,
  }) => {
    await page.goto("./yours/");
    await waitForExample(page);
    await expect(page.getByTestId("imbalance")).toContainText(
      "131,072 examples: 128 positive and 130,944 negative, an imbalance of 1 : 1,023",
    );
    const caption = page.getByTestId("yours-shares-caption");
    const before = await caption.textContent();
    await page.getByRole("slider", { name: "gamma" }).focus();
    await page.keyboard.press("End");
    await expect(caption).toContainText("γ = 5,");
    expect(await caption.textContent()).not.toBe(before);
    await expect(page.getByTestId("yours-figure4-caption")).toContainText("With γ = 5");
    await expect(page.getByTestId("worked-value")).toHaveText(/^\d+\.\d{4}$/);
    await expect.poll(() => new URL(page.url()).searchParams.get("gamma")).toBe("5");

    const cases: [string, RegExp][] = [
      ["Toy detector, CE", /131,072 examples: 128 positive/],
      [
        "Fraud-style table, 1 : 1000",
        /60,000 examples: 60 positive and 59,940 negative, an imbalance of 1 : 999/,
      ],
      ["Toy detector, α-FL", /131,072 examples: 128 positive/],
    ];
    for (const [button, text] of cases) {
      await page.getByRole("button", { name: button }).click();
      await expect(page.getByTestId("imbalance")).toContainText(text);
    }
    await expect(page.getByTestId("yours-reliability-caption")).toContainText(/ECE = \d/);
    await expectNoBadNumbers(page);
    await page.emulateMedia({ colorScheme: "dark" });
    await expectAccessible(page, "/yours/, an example read, dark");
  });

  test("reads a file chosen from the keyboard, one-vs-rest, offline, and sends none of it anywhere", async ({
    page,
    context,
  }) => {
    const requests: string[] = [];
    page.on("request", (r) => requests.push(`${r.url()}\n${r.postData() ?? ""}`));
    // Listening for the chooser from the start turns Playwright's interception of file choosers
    // on well before Space is pressed (turned on at the press, it can race it; CI timed out twice).
    const chooser = page.waitForEvent("filechooser");
    await page.goto("./yours/");
    await waitForExample(page);
    await context.setOffline(true);
    const marker = "zebra_7f3a";
    const rows = Array.from({ length: 400 }, (_, i) =>
      i % 40 === 0 ? `cat,0.${80 + (i % 17)}` : `${i % 3 ? "dog" : "bird"},0.0${(i % 9) + 1}`,
    );
    const content = `${marker},score\n${rows.join("\n")}\n`;
    // Keyboard: Tab onto the file input, Space opens the chooser.
    // The input is disabled while a file is read, and focus does not land on a disabled input:
    // both are checked before Space, so a lost focus fails here and not as a missing chooser.
    const input = page.locator('input[type="file"]');
    await expect(input).toBeEnabled();
    await input.focus();
    await expect(input).toBeFocused();
    await page.keyboard.press("Space");
    await (await chooser).setFiles({
      name: "mine.csv",
      mimeType: "text/csv",
      buffer: Buffer.from(content),
    });
    await expect(page.getByTestId("read-error")).toContainText(
      'line 2, column 1 (zebra_7f3a): the label "cat" is not 0 or 1',
    );
    await page.getByLabel("Positive class").selectOption("cat");
    await expect(page.getByTestId("imbalance")).toContainText(
      "400 examples: 10 positive and 390 negative, an imbalance of 1 : 39",
    );
    await expect(page.getByTestId("read-error")).toHaveCount(0);
    await context.setOffline(false);

    const leaked = requests.filter((r) => r.includes(marker) || r.includes("mine.csv"));
    expect(leaked).toEqual([]);
    const stored = await page.evaluate(async () => ({
      local: localStorage.length,
      session: sessionStorage.length,
      databases: (await indexedDB.databases()).length,
      caches: "caches" in window ? (await caches.keys()).length : 0,
    }));
    expect(stored).toEqual({ local: 0, session: 0, databases: 0, caches: 0 });
  });

  test("every kind of bad input gets a message that says where and what", async ({ page }) => {
    await page.goto("./yours/");
    await waitForExample(page);
    const cases: [string, string | Buffer, RegExp][] = [
      [
        "scores.csv",
        "label,score\n1,0.9\n0,abc\n",
        /line 3, column 2 \(score\): the score "abc" is not a number/,
      ],
      [
        "labels.csv",
        "label,score\n1,0.9\n2,0.5\n",
        /line 3, column 1 \(label\): the label "2" is not 0 or 1/,
      ],
      ["short.csv", "label,score\n1,0.9\n0\n", /line 3 has 1 field, the header has 2/],
      ["empty.csv", "", /empty\.csv is empty \(0 bytes\)/],
      ["header.csv", "label,score\n", /has a header but no data rows/],
      [
        "one-class.csv",
        "label,score\n0,0.1\n0,0.3\n",
        /All 2 examples in one-class\.csv are negatives/,
      ],
      ["nodata.csv", "0,0.9\n1,0.1\n", /looks like data, not a header/],
      [
        "image.csv",
        Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
        /it looks like a PNG image/,
      ],
      ["lengths.npz", fixture("lengths.npz"), /labels has 6 entries but scores has 5/],
      ["text.npy", fixture("text.npy"), /dtype '<U1': it holds text/],
      ["objects.npy", fixture("objects.npy"), /dtype '\|O': it holds Python objects/],
      ["cube.npy", fixture("three_d.npy"), /shape \(2, 2, 2\): expected one value per example/],
      ["single.npy", fixture("one_column.npy"), /one array of shape \(6,\)/],
      ["classes.npy", fixture("labels_two.npy"), /column 0\[1\]: the label 2 is not 0 or 1/],
    ];
    for (const [name, content, message] of cases) {
      await choose(page, name, content);
      await expect(page.getByTestId("read-error"), name).toContainText(message);
      await expectNoBadNumbers(page);
    }
    // Not errors, but said: a name that promises another kind, and clipped probabilities.
    await choose(page, "really-text.npy", "label,score\n1,1\n0,0\n0,0.2\n");
    await expect(page.getByTestId("read-notes")).toContainText(
      "named like a NumPy .npy array but its content is CSV/TSV text",
    );
    await expect(page.getByTestId("read-notes")).toContainText(
      "2 probabilities within 1e-7 of 0 or 1",
    );
    // Probabilities outside [0, 1]: read as logits when detected, refused when the reader insists.
    await choose(page, "range.csv", "label,score\n1,0.9\n0,1.5\n");
    await expect(page.getByTestId("read-notes")).toContainText("include 1.5, outside [0, 1]");
    await page.getByLabel("Scores are").selectOption("probability");
    await expect(page.getByTestId("read-error")).toContainText(
      "line 3, column 2 (score): the score 1.5 is outside [0, 1], so it is not a probability",
    );
  });

  test("a 2 GB file is streamed with a progress bar, and cancel stops it", async ({ page }) => {
    await page.goto("./yours/");
    await waitForExample(page);
    await page.getByTestId("drop-zone").evaluate((zone) => {
      // 2 GiB of rows, built from one 1 MiB block repeated (a Blob of references, not a copy).
      const line = "0,0.25\n1,0.75\n";
      const block = new Blob([line.repeat(Math.floor(2 ** 20 / line.length))]);
      const file = new File(["label,score\n", ...new Array(2048).fill(block)], "huge.csv");
      const data = new DataTransfer();
      data.items.add(file);
      zone.dispatchEvent(
        new DragEvent("drop", { dataTransfer: data, bubbles: true, cancelable: true }),
      );
    });
    const progress = page.getByTestId("read-progress");
    await expect(progress).toContainText("of a 2.1 GB file, streamed in 1 MiB chunks");
    await expect
      .poll(
        async () =>
          Number((await progress.textContent())?.match(/· ([\d,]+) rows/)?.[1]?.replace(/,/g, "")),
        { timeout: 30_000 },
      )
      .toBeGreaterThan(1_000_000);
    await progress.getByRole("button", { name: "Cancel" }).click();
    await expect(page.getByTestId("read-error")).toContainText(
      "Reading was cancelled. The figures below still show detector-fl.npy.",
    );
    await expect(page.getByTestId("read-progress")).toHaveCount(0);
  });

  test("the code panel works from the keyboard on every page and fits 360 px", async ({ page }) => {
    await page.setViewportSize({ width: 360, height: 800 });
    await page.goto("./yours/?gamma=1&alpha=0.5");
    await waitForExample(page);
    const panel = page.getByTestId("code-panel");
    await panel.getByRole("tab", { name: "PyTorch" }).focus();
    await page.keyboard.press("ArrowRight");
    await expect(panel.getByRole("tab", { name: "Keras" })).toBeFocused();
    await expect(panel.getByTestId("snippet")).toContainText("apply_class_balancing=True");
    await expect(panel.getByTestId("snippet")).toContainText("gamma=1.0");
    const value = await panel.getByTestId("worked-value").textContent();
    await expect(panel.getByTestId("snippet")).toContainText(`# ${value}`);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      360,
    );

    await page.goto("./?gamma=0&alpha=0.5");
    await expect(page.getByTestId("code-panel").getByTestId("worked-value")).toHaveText(
      /^\d+\.\d{4}$/,
    );
    await page.goto("./train/?bLoss=fl&bGamma=3");
    await expect(page.getByTestId("code-panel").getByTestId("snippet")).toContainText(
      "alpha=-1, gamma=3.0",
    );
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      360,
    );
  });
});
