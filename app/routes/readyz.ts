// Readiness for a load balancer or orchestrator: 200 once this instance can serve at full
// speed, 503 before (see checkReadiness). Liveness is /healthz.
import { checkReadiness } from '#app/modules/health/health.server.ts'

export async function loader() {
  const readiness = await checkReadiness()
  return new Response(JSON.stringify(readiness), {
    status: readiness.ready ? 200 : 503,
    headers: { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' },
  })
}
