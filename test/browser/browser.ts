/**
 * Chromium for the end-to-end tests: Debian's build driven by playwright-core (never a downloaded
 * browser). `useBrowser()` registers the hooks of one test file: one browser per file, a fresh
 * context (own cookies and storage, like a separate browser profile) per user, all closed after
 * each test. Every page records what a user would call broken: uncaught script errors, and
 * answers of the server with status 500 or above; `afterEach` fails the test when there were any.
 */
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Locator, type Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, expect, inject } from "vitest";

const launchOptions = {
  executablePath: "/usr/bin/chromium",
  headless: true,
  // Playwright gives every launch a fresh temporary profile; it refuses --user-data-dir in args
  // (that is launchPersistentContext's job), and contexts are isolated from each other anyway.
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
};

/** Context options of a browser with JavaScript turned off. */
export const scriptsOff: BrowserContextOptions = { javaScriptEnabled: false };

export interface Tab {
  page: Page;
  /** POST requests this tab has sent so far (events reach the server only as posts). */
  posts: string[];
}

export interface BrowserFixture {
  /** A new user: a fresh context with its own cookies. */
  newUser(options?: BrowserContextOptions): Promise<BrowserContext>;
  /** Opens `path` of the app server in a new tab, of a new user unless `user` is given. */
  open(path: string, user?: BrowserContext): Promise<Tab>;
}

export function useBrowser(): BrowserFixture {
  let browser: Browser | undefined;
  const contexts: BrowserContext[] = [];
  const problems: string[] = [];
  beforeAll(async () => {
    browser = await chromium.launch(launchOptions);
  });
  afterEach(async () => {
    await Promise.all(contexts.splice(0).map((context) => context.close()));
    const found = problems.splice(0);
    expect(found, "the page reported errors").toEqual([]);
  });
  afterAll(async () => {
    await browser?.close();
  });

  const newUser = async (options?: BrowserContextOptions) => {
    const context = await browser!.newContext(options);
    contexts.push(context);
    return context;
  };
  const open = async (path: string, user?: BrowserContext): Promise<Tab> => {
    const page = await (user ?? (await newUser())).newPage();
    // A click on a control that never appears fails the test within this, with Playwright's reason.
    page.setDefaultTimeout(10_000);
    const posts: string[] = [];
    page.on("request", (request) => {
      if (request.method() === "POST") posts.push(request.url());
    });
    page.on("pageerror", (error) => problems.push(`${path}: uncaught ${error.name}: ${error.message}`));
    page.on("response", (response) => {
      if (response.status() >= 500) problems.push(`${path}: ${response.request().method()} ${response.url()} answered ${response.status()}`);
    });
    const response = await page.goto(new URL(path, inject("baseUrl")).href);
    expect(response?.status(), `GET ${path}`).toBe(200);
    return { page, posts };
  };
  return { newUser, open };
}

/**
 * What a user reads in `locator`: its rendered text with runs of white space as one space. Meant
 * for `expect.poll`, so it gives up quickly when the element is missing (the poll tries again).
 */
export async function visibleText(locator: Locator): Promise<string> {
  return (await locator.innerText({ timeout: 1_000 })).replace(/\s+/g, " ").trim();
}

/** The rendered text of the whole page body. */
export function pageText(page: Page): Promise<string> {
  return visibleText(page.locator("body"));
}

/** The headings as a screen reader reads them (decorative `aria-hidden` parts, like anchors, left out). */
export function headings(page: Page): Promise<string[]> {
  // Runs in the page; typed loosely because the project's tsconfig has no DOM library.
  return page.getByRole("heading").evaluateAll((elements: any[]) =>
    elements.map((element) => {
      const copy = element.cloneNode(true);
      for (const hidden of copy.querySelectorAll("[aria-hidden='true']")) hidden.remove();
      return String(copy.textContent).replace(/\s+/g, " ").trim();
    }),
  );
}
