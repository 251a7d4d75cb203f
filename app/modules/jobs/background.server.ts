// Background work of the web process: every area registers its queues and schedules here.
import { env } from '#app/lib/env.server.ts'
import { logger } from '#app/lib/logger.server.ts'
import { getBoss, stopBoss } from '#app/lib/boss.server.ts'
import { registerMaintenance } from './maintenance.server.ts'
import { registerRetention } from '#app/modules/applications/retention.server.ts'
import { registerCredentialJobs, stopCredentialJobs } from '#app/modules/credentials/jobs.server.ts'
import { registerEventJobs } from '#app/modules/events/reminders.server.ts'
import { registerMail } from '#app/modules/mail/queue.server.ts'
import { matchIndex } from '#app/modules/matching/match-index.server.ts'
import { registerSavedSearchDigest } from '#app/modules/saved-searches/saved-searches.server.ts'
import { registerSearchJobs, stopSearchJobs } from '#app/modules/search/jobs.server.ts'
import { registerResumeJobs } from '#app/modules/students/resume-skills.server.ts'

export async function startBackgroundJobs() {
  // Build the matching index now rather than in the first student's request (seconds at
  // 100,000 roles); a failure here only means the first request tries again.
  matchIndex().catch((error: unknown) => logger.error({ err: error }, 'matching index build failed'))
  const boss = await getBoss()
  await registerMaintenance(boss)
  await registerRetention(boss)
  await registerEventJobs(boss)
  await registerMail(boss)
  await registerSavedSearchDigest(boss)
  await registerSearchJobs(boss)
  await registerCredentialJobs(boss)
  await registerResumeJobs(boss)
  started = true
  logger.info('background jobs started')
}

let started = false

/** Whether this process runs the background jobs (for /readyz): off when RUN_JOBS=false. */
export function backgroundJobsStatus() {
  return { enabled: env.RUN_JOBS, running: started }
}

export async function stopBackgroundJobs() {
  started = false
  stopSearchJobs()
  stopCredentialJobs()
  await stopBoss()
}
