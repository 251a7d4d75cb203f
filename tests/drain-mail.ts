// For tests: runs the queued mail jobs as the worker would (RUN_JOBS is off in tests) and
// returns the .eml files they wrote, oldest first, with the headers tests look at.
import fs from 'node:fs/promises'
import path from 'node:path'
import { getBoss } from '#app/lib/boss.server.ts'
import { MAIL_QUEUE, deliverMail, type MailJob } from '#app/modules/mail/queue.server.ts'
import { bodies, headerOf } from '#app/modules/mail/message.server.ts'
import { mailDir } from '#app/modules/mail/transport.server.ts'

export async function drainMail() {
  const boss = await getBoss()
  const written: string[] = []
  for (;;) {
    const jobs = await boss.fetch<MailJob>(MAIL_QUEUE, { batchSize: 50 })
    if (jobs.length === 0) break
    for (const job of jobs) {
      await deliverMail(job.data)
      await boss.complete(MAIL_QUEUE, job.id)
    }
  }
  const files = await fs.readdir(mailDir()).catch(() => [] as string[])
  for (const file of files.sort()) written.push(await fs.readFile(path.join(mailDir(), file), 'utf8'))
  await fs.rm(mailDir(), { recursive: true, force: true })
  return written.map((raw) => {
    const header = (name: string) => headerOf(raw, name)
    return {
      raw,
      text: bodies(raw).text,
      to: header('To'),
      subject: header('Subject'),
      listUnsubscribe: header('List-Unsubscribe'),
      language: header('Content-Language'),
    }
  })
}
