// Event times render the same text on the server and in the browser: English pages used
// to fail hydration (React #418/#425) because Node's and Chromium's ICU space a date
// range differently.
import { expect, test, type Page } from '@playwright/test'

function collectErrors(page: Page) {
  const errors: string[] = []
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text())
  })
  page.on('pageerror', (error) => errors.push(error.message))
  return errors
}

test.use({ timezoneId: 'Europe/Berlin' })

test('English event pages hydrate without errors and add the reader’s own time', async ({ page }) => {
  const errors = collectErrors(page)
  await page.goto('/events')
  await page.getByRole('button', { name: 'English' }).click()
  await expect(page.locator('html')).toHaveAttribute('lang', 'en')

  // Server-rendered and hydrated: the list, then one event page loaded afresh.
  await page.goto('/events', { waitUntil: 'networkidle' })
  await expect(page.getByText('China Standard Time').first()).toBeVisible()
  await page.getByRole('link', { name: 'China–ASEAN Blockchain Application Innovation Contest', exact: true }).click()
  await page.reload({ waitUntil: 'networkidle' })
  await expect(page.getByText('May 20, 2027, 09:00 – May 21, 2027, 18:00')).toBeVisible()
  // The device is in Berlin: its time appears once hydrated.
  await expect(page.getByText('Your time: May 20, 2027, 03:00 – May 21, 2027, 12:00 (Europe/Berlin)')).toBeVisible()
  expect(errors).toEqual([])
})
