// The start of an organizer page's action, where one page holds several forms told apart
// by `intent`: only the event's organizers get past it.
import { data } from '@remix-run/node'
import { requestLocale } from '#app/i18n/locale.server.ts'
import { translate } from '#app/i18n/translate.ts'
import { requireEventOrganizer } from '#app/modules/auth/permissions.server.ts'

export async function organizerAction(request: Request, eventId: string) {
  const user = await requireEventOrganizer(request, eventId)
  const locale = requestLocale(request)
  const formData = await request.formData()
  /** A 400 naming the form (its intent), with each field's problems joined into one message. */
  const invalid = (intent: string, fieldErrors: Record<string, string[] | null | undefined>) =>
    data(
      {
        intent,
        error: translate(locale, 'validation.formErrors'),
        fields: Object.fromEntries(Object.entries(fieldErrors).map(([k, v]) => [k, (v ?? []).join(' ')])),
      },
      { status: 400 },
    )
  return { user, locale, formData, invalid }
}
