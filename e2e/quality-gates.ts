// Quality gates every spec runs through (see fixtures.ts): a browser console error or an
// uncaught page error fails the spec, and every page a spec visits is checked with axe-core
// against WCAG 2.2 A/AA with zero violations allowed.
import { createHash } from 'node:crypto'
import AxeBuilder from '@axe-core/playwright'
import type { Browser, BrowserContext, BrowserContextOptions, Page } from '@playwright/test'

export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']

// The browser logs every 4xx answer as a console error; the app answers 404 and 400 on
// purpose (a missing page, a form with field errors), so only 5xx answers count.
const EXPECTED_HTTP_ERROR = /^Failed to load resource: the server responded with a status of 4\d\d/

// A page that navigates or closes while axe runs has moved on; its next page is checked.
const PAGE_GONE = /Execution context was destroyed|Target page, context or browser has been closed|Target closed|frame was detached|navigating/i

// A page state already checked (same address, same markup) is not checked again: specs
// revisit pages often, and axe takes seconds on a busy machine. Shared by a worker's tests.
const checked = new Set<string>()

// A check that takes longer than this has stalled: axe takes seconds even on a busy machine.
const CHECK_DEADLINE_MS = 30_000
const STALLED = Symbol('stalled')

async function within<T>(work: Promise<T>): Promise<T | typeof STALLED> {
  let timer: NodeJS.Timeout | undefined
  const deadline = new Promise<typeof STALLED>((resolve) => {
    timer = setTimeout(() => resolve(STALLED), CHECK_DEADLINE_MS)
  })
  try {
    return await Promise.race([work, deadline])
  } finally {
    clearTimeout(timer)
  }
}

export class QualityGates {
  readonly problems = new Set<string>()
  /** Pages that neither answered nor could be checked from a copy in time. */
  private readonly unchecked = new Set<string>()
  private pending: Array<Promise<void>> = []
  private readonly watched = new WeakSet<Page>()
  private analysed = 0
  private readonly newContext: Browser['newContext']

  constructor(private readonly browser: Browser) {
    this.newContext = browser.newContext.bind(browser)
  }

  watchContext(context: BrowserContext, javaScriptEnabled: boolean) {
    for (const page of context.pages()) this.watchPage(page, javaScriptEnabled)
    context.on('page', (page) => this.watchPage(page, javaScriptEnabled))
  }

  /** Wraps `browser.newContext` so contexts a spec opens itself are watched too. */
  watchBrowser(defaultJavaScript: boolean) {
    this.browser.newContext = async (options?: BrowserContextOptions) => {
      const context = await this.newContext(options)
      this.watchContext(context, options?.javaScriptEnabled ?? defaultJavaScript)
      return context
    }
    return () => {
      this.browser.newContext = this.newContext
    }
  }

  private watchPage(page: Page, javaScriptEnabled: boolean) {
    if (this.watched.has(page)) return
    this.watched.add(page)
    page.on('console', (message) => {
      if (message.type() !== 'error' || EXPECTED_HTTP_ERROR.test(message.text())) return
      this.problems.add(`console error on ${page.url()}: ${message.text()}`)
    })
    page.on('pageerror', (error) => this.problems.add(`uncaught error on ${page.url()}: ${error.message}`))
    let chain = Promise.resolve()
    page.on('framenavigated', (frame) => {
      if (frame !== page.mainFrame()) return
      chain = chain.then(() => this.analyse(page, javaScriptEnabled))
      this.pending.push(chain)
    })
  }

  private async analyse(page: Page, javaScriptEnabled: boolean) {
    try {
      if ((await within(this.checkLive(page, javaScriptEnabled))) !== STALLED || page.isClosed()) return
      // Under load Chromium has left an evaluation in a live page unanswered for minutes (seen in CI);
      // the page's HTML as the server sends it is then checked in a page of its own instead.
      const url = page.url()
      if ((await within(this.checkServedCopy(page, url))) === STALLED) this.unchecked.add(url)
    } catch (error) {
      if (!(error instanceof Error) || !PAGE_GONE.test(error.message)) throw error
    }
  }

  private async checkLive(page: Page, javaScriptEnabled: boolean) {
    await page.waitForLoadState('load')
    const url = page.url()
    if (!url.startsWith('http')) return
    const state = createHash('sha1')
      .update(url)
      .update(await page.evaluate(() => document.body.innerHTML))
      .digest('hex')
    if (checked.has(state)) return
    checked.add(state)
    // With JavaScript off axe cannot run in the page; it checks the same HTML in a page of its own.
    if (javaScriptEnabled) await this.check(page, url)
    else await this.checkCopy(await page.content(), url)
  }

  private async checkServedCopy(page: Page, url: string) {
    if (!url.startsWith('http')) return
    const response = await page.context().request.get(url)
    await this.checkCopy(await response.text(), url)
  }

  private async checkCopy(html: string, url: string) {
    // Explicitly on: contexts made in a spec inherit the spec's options, JavaScript off included.
    const context = await this.newContext({ baseURL: url, javaScriptEnabled: true })
    try {
      const copy = await context.newPage()
      // Served from the page's own URL so relative styles load and colours can be checked.
      await copy.route(url, (route) => route.fulfill({ status: 200, contentType: 'text/html', body: html }))
      await copy.route(/\.js($|\?)/, (route) => route.abort())
      await copy.goto(url)
      await this.check(copy, url)
    } finally {
      await context.close()
    }
  }

  private async check(page: Page, url: string) {
    const result = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze()
    this.analysed += 1
    for (const violation of result.violations) {
      const where = violation.nodes.map((node) => `${node.target.join(' ')} (${node.failureSummary?.split('\n').slice(1).join('; ').trim()})`).join(' | ')
      this.problems.add(`axe ${violation.id} on ${url}: ${violation.help} — ${where}`)
    }
  }

  /** Waits for the checks still running, then names every problem found. */
  async verdict() {
    for (let settled = 0; settled < this.pending.length; settled = this.pending.length) await Promise.all(this.pending)
    return { problems: [...this.problems], analysed: this.analysed, unchecked: [...this.unchecked] }
  }
}
