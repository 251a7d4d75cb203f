// GET /api/vc/credentials/status/{listId} — a signed BitstringStatusListCredential, public.
import type { LoaderFunctionArgs } from '@remix-run/node'
import { apiHandler, json } from '#app/modules/api/api.server.ts'
import { notFound } from '#app/lib/errors.server.ts'
import { signedStatusList } from '#app/modules/credentials/status-list.server.ts'

export const loader = (args: LoaderFunctionArgs) =>
  apiHandler(async () => {
    const listId = args.params.listId ?? ''
    const list = /^[a-z0-9]{20,40}$/.test(listId) ? await signedStatusList(listId) : null
    if (!list) throw notFound()
    // Verifiers may cache a list briefly; a revocation shows within a minute.
    return json(list, 200, { 'Cache-Control': 'public, max-age=60' })
  })(args)
