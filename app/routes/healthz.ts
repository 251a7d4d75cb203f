import { checkHealth } from '#app/modules/health/health.server.ts'
import { pageLoader } from '#app/lib/page.server.ts'

export const loader = pageLoader(async () => {
  const health = await checkHealth()
  return new Response(JSON.stringify(health), {
    status: health.db === 'ok' ? 200 : 503,
    headers: { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' },
  })
})
