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

export class QualityGates {
  readonly problems = new Set<string>()
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
      const target = javaScriptEnabled ? page : await this.copyOf(page)
      try {
        const result = await new AxeBuilder({ page: target }).withTags(WCAG_TAGS).analyze()
        this.analysed += 1
        for (const violation of result.violations) {
          const where = violation.nodes.map((node) => `${node.target.join(' ')} (${node.failureSummary?.split('\n').slice(1).join('; ').trim()})`).join(' | ')
          this.problems.add(`axe ${violation.id} on ${url}: ${violation.help} — ${where}`)
        }
      } finally {
        if (target !== page) await target.context().close()
      }
    } catch (error) {
      if (!(error instanceof Error) || !PAGE_GONE.test(error.message)) throw error
    }
  }

  private async copyOf(page: Page) {
    const html = await page.content()
    const url = page.url()
    // Explicitly on: contexts made in a spec inherit the spec's options, JavaScript off included.
    const context = await this.newContext({ baseURL: url, javaScriptEnabled: true })
    const copy = await context.newPage()
    // Served from the page's own URL so relative styles load and colours can be checked.
    await copy.route(url, (route) => route.fulfill({ status: 200, contentType: 'text/html', body: html }))
    await copy.route(/\.js($|\?)/, (route) => route.abort())
    await copy.goto(url)
    return copy
  }

  /** Waits for the checks still running, then names every problem found. */
  async verdict() {
    for (let settled = 0; settled < this.pending.length; settled = this.pending.length) await Promise.all(this.pending)
    return { problems: [...this.problems], analysed: this.analysed }
  }
}
