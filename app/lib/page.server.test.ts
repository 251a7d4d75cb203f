import { describe, expect, test } from 'vitest'
import { z } from 'zod'
import { routeArgs } from '#tests/api-request.ts'
import { conflict, notFound, unprocessable } from './errors.server.ts'
import { pageAction, pageLoader } from './page.server.ts'

function post(fields: Record<string, string>, language = 'en') {
  return new Request('http://localhost/x', { method: 'POST', headers: { 'Accept-Language': language }, body: new URLSearchParams(fields) })
}

type Status = { init: { status: number } | null; data: Record<string, unknown> }

describe('pageLoader', () => {
  test('a service’s not-found is the 404 page; another user error keeps its status and message', async () => {
    await expect(
      pageLoader(async () => {
        throw notFound()
      })(routeArgs(new Request('http://localhost/x'))),
    ).rejects.toMatchObject({ status: 404 })
    const thrown = await pageLoader(async () => {
      throw conflict('error.forbidden')
    })(routeArgs(new Request('http://localhost/x', { headers: { 'Accept-Language': 'en' } }))).catch((e: unknown) => e)
    expect(thrown).toBeInstanceOf(Response)
    expect((thrown as Response).status).toBe(409)
    expect(await (thrown as Response).text()).toBe('You may not do this.')
  })

  test('an unexpected error goes on to the error boundary untouched', async () => {
    const boom = new Error('boom')
    await expect(
      pageLoader(async () => {
        throw boom
      })(routeArgs(new Request('http://localhost/x'))),
    ).rejects.toBe(boom)
  })
})

describe('pageAction', () => {
  const schema = z.object({ name: z.string() })

  test('a user error after a parsed form is the submission’s reply, with field errors', async () => {
    const action = pageAction(async ({ request }, { parseForm }) => {
      const submission = parseForm(await request.formData(), schema)
      if (submission.status !== 'success') throw new Error('unexpected')
      throw unprocessable('validation.formErrors', [{ path: 'name', key: 'error.forbidden' }])
    })
    const reply = (await action(routeArgs(post({ name: 'x' })))) as unknown as Status
    expect(reply.init?.status).toBe(422)
    expect(reply.data.result).toMatchObject({ status: 'error', error: { name: ['You may not do this.'] } })
  })

  test('a plain action’s user error is { error } in the reader’s language, tagged with intent and subject', async () => {
    const action = pageAction(async ({ request }, { intent, about }) => {
      const formData = await request.formData()
      intent(formData, ['go'])
      about('row-1')
      throw conflict('error.forbidden')
    })
    const reply = (await action(routeArgs(post({ intent: 'go' }, 'zh-CN')))) as unknown as Status
    expect(reply.init?.status).toBe(409)
    expect(reply.data).toEqual({ intent: 'go', subject: 'row-1', error: '你无权执行此操作。' })
  })

  test('an unknown intent is a 400; a not-found is the 404 page; a status can be answered differently', async () => {
    const action = pageAction(async ({ request }, { intent }) => {
      intent(await request.formData(), ['a', 'b'])
      throw notFound()
    })
    const reply = (await action(routeArgs(post({ intent: 'c' })))) as unknown as Status
    expect(reply.init?.status).toBe(400)
    expect(reply.data.error).toBe('Unknown action. Please reload the page and try again.')
    await expect(action(routeArgs(post({ intent: 'a' })))).rejects.toMatchObject({ status: 404 })
    const redirecting = pageAction(
      async () => {
        throw conflict('error.forbidden')
      },
      { on: { 409: () => new Response(null, { status: 302, headers: { Location: '/there' } }) } },
    )
    expect(((await redirecting(routeArgs(post({})))) as unknown as Response).headers.get('Location')).toBe('/there')
  })
})
