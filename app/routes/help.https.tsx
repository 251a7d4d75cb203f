import type { MetaFunction } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { translate } from '#app/i18n/translate.ts'
import { useT } from '#app/i18n/use-t.ts'
import { readmeSectionHtml, TLS_HELP_SECTION } from '#app/modules/help/readme.server.ts'
import type { loader as rootLoader } from '#app/root.tsx'
import { pageLoader } from '#app/lib/page.server.ts'

export const loader = pageLoader(async () => {
  return { html: readmeSectionHtml(TLS_HELP_SECTION) }
})

export default function HttpsHelp() {
  const { html } = useLoaderData<typeof loader>()
  const t = useT()
  return (
    <article className="help-page">
      <h1>{t('transport.helpTitle')}</h1>
      <p className="hint">{t('transport.helpSource')}</p>
      {/* The README's own text, rendered and sanitised on the server (markdown.server.ts). */}
      <div lang="en" dangerouslySetInnerHTML={{ __html: html }} />
    </article>
  )
}

export const meta: MetaFunction<typeof loader, { root: typeof rootLoader }> = ({ matches }) => {
  const locale = matches.find((match) => match.id === 'root')?.data?.locale ?? 'zh-CN'
  return [{ title: `${translate(locale, 'transport.helpTitle')} · 链桥 Lianqiao` }]
}
