// Background work of the web process: every area registers its queues and schedules here.
import { logger } from '#app/lib/logger.server.ts'
import { getBoss, stopBoss } from './boss.server.ts'
import { registerMaintenance } from './maintenance.server.ts'

export async function startBackgroundJobs() {
  const boss = await getBoss()
  await registerMaintenance(boss)
  logger.info('background jobs started')
}

export async function stopBackgroundJobs() {
  await stopBoss()
}
