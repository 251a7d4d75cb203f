import fs from 'node:fs/promises'
import path from 'node:path'
import { expect, test } from 'vitest'
import { listMailFiles, mailDir, readMailFile, sendMail } from './transport.server.ts'

test('without SMTP a message is written whole as one .eml file, and nothing else is left beside it', async () => {
  const before = new Set(await fs.readdir(mailDir()).catch(() => [] as string[]))
  const sent = await sendMail({ to: { name: '韦同学', address: 'wei@example.cn' }, subject: '测试邮件', text: '你好' })
  const added = (await fs.readdir(mailDir())).filter((name) => !before.has(name))
  expect(added).toEqual([path.basename(sent.file!)])
  const raw = await readMailFile(added[0]!)
  expect(raw).toMatch(/\r?\n\r?\n/)
  expect((await listMailFiles()).find((mail) => mail.name === added[0])).toMatchObject({ to: '韦同学 <wei@example.cn>', subject: '测试邮件' })
})
