// A closed-loop load generator on loopback: `concurrency` workers, each sending its next
// request as soon as the previous answer has been read in full, over keep-alive connections
// (Node's fetch pools them per origin), until `maxRequests` were sent or `maxSeconds` passed.
import { readFileSync } from 'node:fs'

export type LoadRequest = { url: string; init?: RequestInit }

export type LoadResult = {
  concurrency: number
  requests: number
  errors: number
  statuses: Record<string, number>
  seconds: number
  requestsPerSecond: number
  latencyMs: { p50: number; p95: number; p99: number; mean: number; max: number }
  /** CPU per request of each process, to see where the time goes. */
  cpuMsPerRequest: Record<string, number>
}

/** Nearest-rank percentile of sorted values. */
function percentile(sorted: number[], p: number) {
  if (sorted.length === 0) return 0
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? 0
}

const round = (n: number, digits = 2) => Number(n.toFixed(digits))

/** User + system CPU time of a process so far, in ms (Linux /proc). */
export function processCpuMs(pid: number): number {
  try {
    // Fields after the command name (which may contain spaces): state is field 3, utime 14, stime 15.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100
  } catch {
    return Number.NaN
  }
}

export async function runLoad(options: {
  concurrency: number
  maxRequests: number
  maxSeconds: number
  next: (n: number) => LoadRequest
  /** Processes whose CPU time is measured over the run (name → pid). */
  watch: Record<string, number>
}): Promise<LoadResult> {
  const latencies: number[] = []
  const statuses: Record<string, number> = {}
  let issued = 0
  let errors = 0
  const cpuBefore = Object.fromEntries(Object.entries(options.watch).map(([name, pid]) => [name, processCpuMs(pid)]))
  const clientBefore = process.cpuUsage()
  const started = performance.now()
  const deadline = started + options.maxSeconds * 1000
  await Promise.all(
    Array.from({ length: options.concurrency }, async () => {
      while (issued < options.maxRequests && performance.now() < deadline) {
        const { url, init } = options.next(issued++)
        const sent = performance.now()
        let status: string
        try {
          const response = await fetch(url, init)
          // The whole body is read: for the HTML page that is the end of the streamed render.
          await response.arrayBuffer()
          status = String(response.status)
          if (!response.ok) errors++
        } catch (error) {
          status = `error:${(error as Error).name}`
          errors++
        }
        latencies.push(performance.now() - sent)
        statuses[status] = (statuses[status] ?? 0) + 1
      }
    }),
  )
  const seconds = (performance.now() - started) / 1000
  const client = process.cpuUsage(clientBefore)
  latencies.sort((a, b) => a - b)
  const requests = latencies.length
  const cpuMsPerRequest: Record<string, number> = { loadGenerator: round((client.user + client.system) / 1000 / requests, 3) }
  for (const [name, pid] of Object.entries(options.watch)) {
    cpuMsPerRequest[name] = round((processCpuMs(pid) - (cpuBefore[name] ?? 0)) / requests, 3)
  }
  return {
    concurrency: options.concurrency,
    requests,
    errors,
    statuses,
    seconds: round(seconds, 3),
    requestsPerSecond: round(requests / seconds, 1),
    latencyMs: {
      p50: round(percentile(latencies, 50)),
      p95: round(percentile(latencies, 95)),
      p99: round(percentile(latencies, 99)),
      mean: round(latencies.reduce((sum, l) => sum + l, 0) / Math.max(1, requests)),
      max: round(latencies[requests - 1] ?? 0),
    },
    cpuMsPerRequest,
  }
}
