import { describe, expect, it } from "vitest";
import { fillRoot, ROOT_ELEMENT } from "./prerender";

describe("fillRoot", () => {
  it("puts the markup inside the page's empty root element and keeps the rest", () => {
    const html = `<body><noscript>x</noscript>${ROOT_ELEMENT}<script src="a.js"></script></body>`;
    expect(fillRoot(html, "<main>hi</main>")).toBe(
      '<body><noscript>x</noscript><div id="root"><main>hi</main></div><script src="a.js"></script></body>',
    );
  });

  it("refuses a page without a root element, or with two", () => {
    expect(() => fillRoot("<body></body>", "<p></p>")).toThrow(/exactly one/);
    expect(() => fillRoot(`${ROOT_ELEMENT}${ROOT_ELEMENT}`, "<p></p>")).toThrow(/exactly one/);
  });
});
