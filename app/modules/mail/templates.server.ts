// E-mail for a notification, in the recipient's language: the same sentence as the in-app
// notification, a link to act on it, and a one-click unsubscribe link for that type.
import type { Locale } from '#app/i18n/locale.ts'
import { translate } from '#app/i18n/translate.ts'
import { notificationItems, notificationText } from '#app/modules/notifications/render.ts'

export type RenderedMail = { subject: string; text: string; html: string }

const escape = (value: string) => value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c)

export function renderNotificationMail(input: {
  locale: Locale
  name: string
  type: string
  data: unknown
  link: string | null
  unsubscribeUrl: string
  preferencesUrl: string
}): RenderedMail {
  const { locale } = input
  const t = (key: Parameters<typeof translate>[1], params?: Record<string, string | number>) => translate(locale, key, params)
  const sentence = notificationText(locale, input.type, input.data)
  const items = notificationItems(locale, input.data)
  const subject = `${sentence} · ${t('app.name')}`
  const text = [
    t('mail.greeting', { name: input.name }),
    '',
    sentence,
    ...(items.length ? ['', ...items.map((item) => `- ${item.title}${item.link ? `  ${item.link}` : ''}`)] : []),
    ...(input.link ? ['', `${t('mail.open')}: ${input.link}`] : []),
    '',
    '--',
    t('mail.footer'),
    `${t('mail.unsubscribe')}: ${input.unsubscribeUrl}`,
    `${t('mail.preferences')}: ${input.preferencesUrl}`,
  ].join('\n')
  const html = `<!doctype html><html lang="${locale}"><body style="font-family:sans-serif;line-height:1.5">
<p>${escape(t('mail.greeting', { name: input.name }))}</p>
<p>${escape(sentence)}</p>
${items.length ? `<ul>${items.map((item) => `<li>${item.link ? `<a href="${escape(item.link)}">${escape(item.title)}</a>` : escape(item.title)}</li>`).join('')}</ul>` : ''}
${input.link ? `<p><a href="${escape(input.link)}">${escape(t('mail.open'))}</a></p>` : ''}
<hr><p style="color:#555;font-size:12px">${escape(t('mail.footer'))}<br>
<a href="${escape(input.unsubscribeUrl)}">${escape(t('mail.unsubscribe'))}</a> · <a href="${escape(input.preferencesUrl)}">${escape(t('mail.preferences'))}</a></p>
</body></html>`
  return { subject, text, html }
}

export const accountMailTypes = ['verify', 'exists', 'reset', 'emailChange', 'emailChanged'] as const
export type AccountMailType = (typeof accountMailTypes)[number]

/** Mail about the account: a subject, a paragraph, the link and how long it works; no unsubscribe. */
export function renderAccountMail(input: {
  locale: Locale
  name: string
  type: AccountMailType
  link: string | null
  data: Record<string, string>
}): RenderedMail {
  const { locale } = input
  const t = (key: Parameters<typeof translate>[1], params?: Record<string, string | number>) => translate(locale, key, params)
  const subject = `${t(`accountMail.${input.type}.subject`)} · ${t('app.name')}`
  const body = t(`accountMail.${input.type}.body`, input.data)
  const text = [
    t('mail.greeting', { name: input.name }),
    '',
    body,
    ...(input.link ? ['', input.link] : []),
    '',
    t('accountMail.notYou'),
    '',
    '--',
    t('accountMail.footer'),
  ].join('\n')
  const html = `<!doctype html><html lang="${locale}"><body style="font-family:sans-serif;line-height:1.5">
<p>${escape(t('mail.greeting', { name: input.name }))}</p>
<p>${escape(body)}</p>
${input.link ? `<p><a href="${escape(input.link)}">${escape(input.link)}</a></p>` : ''}
<p>${escape(t('accountMail.notYou'))}</p>
<hr><p style="color:#555;font-size:12px">${escape(t('accountMail.footer'))}</p>
</body></html>`
  return { subject, text, html }
}
