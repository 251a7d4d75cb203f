import { existsSync } from 'node:fs'
import { describe, expect, test } from 'vitest'
import { prisma } from '#app/lib/db.server.ts'
import { signUpCompany, signUpStudent } from '#app/modules/auth/accounts.server.ts'
import { userForApiToken } from '#app/modules/auth/api-tokens.server.ts'
import { resetPassword } from '#app/modules/auth/password-reset.server.ts'
import { describeInvitation } from '#app/modules/auth/invitations.server.ts'
import { importDocument } from '#app/modules/import/import.server.ts'
import { saveSearch } from '#app/modules/saved-searches/saved-searches.server.ts'
import type { Io } from './args.ts'
import { runCli } from './cli-commands.ts'
import { runImportCommand } from './import-command.ts'

function capture() {
  const out: string[] = []
  const err: string[] = []
  const io: Io = { out: (line) => out.push(line), err: (line) => err.push(line) }
  return { io, out, err }
}

async function cli(...argv: string[]) {
  const { io, out, err } = capture()
  const code = await runCli(argv, io)
  return { code, out, err }
}

const password = 'correct horse battery'

describe('operator CLI', () => {
  test('user promote grants a role', async () => {
    const user = await signUpStudent({ name: '管理员', email: 'ops@example.cn', password, consent: 'on' }, 'en')
    const result = await cli('user', 'promote', '--email', 'OPS@example.cn', '--role', 'admin')
    expect(result.code).toBe(0)
    const roles = await prisma.userRole.findMany({ where: { userId: user.id }, select: { role: true }, orderBy: { role: 'asc' } })
    expect(roles.map((r) => r.role)).toEqual(['student', 'admin'])
  })

  test('token create prints, on its last line, a token the API accepts', async () => {
    const user = await signUpStudent({ name: 'Bot', email: 'bot@example.cn', password, consent: 'on' }, 'en')
    const result = await cli('token', 'create', '--email', 'bot@example.cn', '--name', 'integration')
    expect(result.code).toBe(0)
    const token = result.out.at(-1)!
    expect(token).toMatch(/^lq_\S+$/)
    expect((await userForApiToken(token))?.user.id).toBe(user.id)
  })

  test('token create --scope limits the token; a scope the role does not allow is refused', async () => {
    const user = await signUpStudent({ name: 'Scoped', email: 'scoped@example.cn', password, consent: 'on' }, 'en')
    const result = await cli('token', 'create', '--email', 'scoped@example.cn', '--scope', 'roles:read', '--scope', 'events')
    expect(result.code).toBe(0)
    const found = await userForApiToken(result.out.at(-1)!)
    expect(found).toMatchObject({ user: { id: user.id }, scopes: ['roles:read', 'events'] })
    const defaults = await cli('token', 'create', '--email', 'scoped@example.cn')
    expect((await userForApiToken(defaults.out.at(-1)!))?.scopes).toEqual(['roles:read', 'applications', 'events', 'matching', 'credentials:read'])
    const refused = await cli('token', 'create', '--email', 'scoped@example.cn', '--scope', 'roles:write')
    expect(refused.code).not.toBe(0)
    expect(refused.err.join('\n')).toContain('roles:write')
  })

  test('invite create prints an absolute invitation link for the university', async () => {
    await importDocument({ version: 1, universities: [{ key: 'gxu', name: { zh: '广西大学' }, city: '南宁' }] })
    const result = await cli('invite', 'create', '--kind', 'university_staff', '--university', 'gxu', '--email', 'staff@gxu.edu.cn')
    expect(result.code).toBe(0)
    const url = new URL(result.out.at(-1)!)
    expect(url.origin).toMatch(/^https?:\/\//)
    const token = decodeURIComponent(url.pathname.replace(/^\/invite\//, ''))
    const invitation = await describeInvitation(token)
    expect(invitation).toMatchObject({ kind: 'university_staff', email: 'staff@gxu.edu.cn', universityName: { zh: '广西大学' } })
  })

  test('user create makes a verified account and prints a single-use password link last; again, it changes nothing', async () => {
    expect(await importDocument({ version: 1, companies: [{ key: 'chainfin', name: { zh: '链融科技' }, city: '南宁', parkIncubated: true }] })).toMatchObject({
      ok: true,
    })
    const result = await cli('user', 'create', '--email', 'HR@chainfin.cn', '--name', '王经理', '--role', 'company_member', '--company', 'chainfin')
    expect(result).toMatchObject({ code: 0, err: [] })
    const link = new URL(result.out.at(-1)!)
    expect(link.pathname).toMatch(/^\/password\/reset\/[a-z0-9]+$/)
    const user = await prisma.user.findUniqueOrThrow({
      where: { email: 'hr@chainfin.cn' },
      select: {
        id: true,
        name: true,
        emailVerifiedAt: true,
        roles: { select: { role: true } },
        companyMembers: { select: { company: { select: { key: true } } } },
      },
    })
    expect(user).toMatchObject({ name: '王经理', roles: [{ role: 'company_member' }], companyMembers: [{ company: { key: 'chainfin' } }] })
    expect(user.emailVerifiedAt).toBeInstanceOf(Date)
    const token = link.pathname.split('/').at(-1)!
    await resetPassword(token, 'a password of my own')
    await expect(resetPassword(token, 'again and again')).rejects.toThrow()

    const before = await prisma.oneTimeToken.count()
    const again = await cli('user', 'create', '--email', 'hr@chainfin.cn', '--name', 'Someone else', '--role', 'admin')
    expect(again.code).toBe(0)
    expect(again.out.at(-1)).toBe('hr@chainfin.cn already has an account; nothing was changed.')
    expect(await prisma.oneTimeToken.count()).toBe(before)
    const after = await prisma.user.findUniqueOrThrow({ where: { id: user.id }, select: { name: true, roles: { select: { role: true } } } })
    expect(after).toEqual({ name: '王经理', roles: [{ role: 'company_member' }] })
  })

  test('user create checks its arguments with one schema', async () => {
    const noCompany = await cli('user', 'create', '--email', 'x@firm.cn', '--name', 'X', '--role', 'company_member')
    expect(noCompany.code).toBe(2)
    expect(noCompany.err[0]).toBe('--company: required for --role company_member')
    const stray = await cli('user', 'create', '--email', 'y@firm.cn', '--name', 'Y', '--role', 'admin', '--university', 'gxu')
    expect(stray.code).toBe(2)
    expect(stray.err[0]).toBe('--university: not used with --role admin')
    const unknown = await cli('user', 'create', '--email', 'z@firm.cn', '--name', 'Z', '--role', 'company_member', '--company', 'nope')
    expect(unknown.code).toBe(1)
    expect(await prisma.user.count({ where: { email: { in: ['x@firm.cn', 'y@firm.cn', 'z@firm.cn'] } } })).toBe(0)
  })

  test('bad arguments print the problem and the usage, and fail', async () => {
    const badRole = await cli('user', 'promote', '--email', 'x@example.cn', '--role', 'emperor')
    expect(badRole.code).toBe(2)
    expect(badRole.err[0]).toMatch(/^--role: Must be one of: student, /)
    expect(badRole.err.at(-1)).toMatch(/^usage: npm run cli/)

    const missing = await cli('invite', 'create', '--kind', 'company_member')
    expect(missing.code).toBe(2)
    expect(missing.err[0]).toBe('--company: required for --kind company_member')

    const unknownFlag = await cli('token', 'create', '--email', 'x@example.cn', '--colour', 'red')
    expect(unknownFlag.code).toBe(2)
    expect(unknownFlag.err[0]).toMatch(/colour/)

    expect((await cli('frobnicate')).code).toBe(2)
    const nobody = await cli('token', 'create', '--email', 'nobody@example.cn')
    expect(nobody).toMatchObject({ code: 1, err: ['No user with e-mail nobody@example.cn'] })
  })
})

describe('jobs run', () => {
  test('saved-search-digest sends the digests due now, once', async () => {
    const user = await signUpStudent({ name: '订阅者', email: 'digest@example.cn', password, consent: 'on' }, 'zh-CN')
    await saveSearch(user.id, { query: 'q=测试' })
    expect(await cli('jobs', 'run', 'saved-search-digest')).toEqual({ code: 0, out: ['saved-search-digest: 0 digests sent.'], err: [] })
    const boss = await signUpCompany({ name: '经理', email: 'hr@digest.cn', password, companyNameZh: '南宁测试链科技', city: '南宁', consent: 'on' }, 'zh-CN')
    const { companyId } = await prisma.companyMember.findFirstOrThrow({ where: { userId: boss.id }, select: { companyId: true } })
    // Only a verified company's roles reach students.
    await prisma.company.update({ where: { id: companyId }, data: { verifiedAt: new Date() }, select: { id: true } })
    const closesAt = new Date(Date.now() + 30 * 86_400_000)
    await prisma.internshipRole.create({
      data: {
        companyId,
        titleZh: '区块链测试实习生',
        kind: 'testing',
        city: 'nanning',
        workMode: 'onsite',
        stipendMin: 2000,
        stipendMax: 3000,
        daysPerWeek: 4,
        durationMonths: 3,
        languages: ['zh'],
        openings: 1,
        deadline: closesAt,
        closesAt,
        status: 'published',
        publishedAt: new Date(),
      },
      select: { id: true },
    })
    expect(await cli('jobs', 'run', 'saved-search-digest')).toMatchObject({ code: 0, out: ['saved-search-digest: 1 digest sent.'] })
    const notes = await prisma.notification.findMany({ where: { userId: user.id }, select: { type: true, data: true } })
    expect(notes).toEqual([{ type: 'savedSearch.digest', data: expect.objectContaining({ name: '测试', count: 1 }) }])
    // Nothing new since: no second digest.
    expect((await cli('jobs', 'run', 'saved-search-digest')).out).toEqual(['saved-search-digest: 0 digests sent.'])
  })

  test('an unknown or missing job name is a usage error', async () => {
    const unknown = await cli('jobs', 'run', 'make-coffee')
    expect(unknown.code).toBe(2)
    expect(unknown.err[0]).toMatch(/^arguments: .*saved-search-digest/)
    expect(unknown.err.at(-1)).toMatch(/^usage: npm run cli/)
    expect((await cli('jobs', 'run')).code).toBe(2)
  })
})

describe('import command', () => {
  test('a broken file prints every problem as path: message, exits 1 and writes nothing', async () => {
    const { io, out, err } = capture()
    const code = await runImportCommand(['tests/fixtures/broken.json'], io)
    expect(code).toBe(1)
    expect(out).toEqual([])
    expect(err).toContain('roles[1].skills[0].level: must be 1..5')
    expect(err).toContain('roles[0].salary: unknown field')
    expect(await prisma.skill.count()).toBe(0)
  })

  test('--lang zh-CN reports in Chinese', async () => {
    const { io, err } = capture()
    expect(await runImportCommand(['tests/fixtures/broken.json', '--lang', 'zh-CN'], io)).toBe(1)
    expect(err).toContain('roles[0].salary: 未知字段')
  })

  test('a good file prints the counts per section', async () => {
    const { io, out } = capture()
    expect(await runImportCommand(['tests/fixtures/small.json'], io)).toBe(0)
    expect(out).toContain('roles: 8 created, 0 updated, 0 unchanged')
    const again = capture()
    expect(await runImportCommand(['tests/fixtures/small.json'], again.io)).toBe(0)
    expect(again.out).toContain('roles: 0 created, 0 updated, 8 unchanged')
  })

  test('arguments are checked', async () => {
    const { io, err } = capture()
    expect(await runImportCommand([], io)).toBe(2)
    expect(err).toEqual(['arguments: give the file to import', expect.stringMatching(/^usage: npm run import/)])
  })

  test.runIf(existsSync('scripts/demo-data/demo.json'))('--demo-if-empty imports the demo data once', async () => {
    await prisma.$executeRawUnsafe('TRUNCATE "User", "Skill", "University", "Company", "Event" CASCADE')
    const first = capture()
    expect(await runImportCommand(['--demo-if-empty'], first.io)).toBe(0)
    expect(first.out).toHaveLength(1)
    expect(first.out[0]).toMatch(/^Demo data imported in [\d.]+ s: skills \d+ created/)
    expect(await prisma.studentProfile.count()).toBeGreaterThan(100)
    const second = capture()
    expect(await runImportCommand(['--demo-if-empty'], second.io)).toBe(0)
    expect(second.out).toEqual(['Demo data: skipped, the database already has data.'])
  })
})
