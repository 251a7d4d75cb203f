// The message thread of an application and its reply form (student and company pages).
import { Form } from '@remix-run/react'
import { ErrorList, SubmitButton } from '#app/components/forms.tsx'
import { ReportLink } from '#app/components/report-link.tsx'
import { useT } from '#app/i18n/use-t.ts'
import { useFormatDate } from '#app/lib/time.ts'

type Message = {
  id: string
  body: string | null
  createdAt: string | Date
  author: { name: string }
  reportable: boolean
  warning: 'fee' | 'contact' | null
}

export function ApplicationThread({ messages, errors }: { messages: Message[]; errors?: string[] | null }) {
  const t = useT()
  const formatDate = useFormatDate()
  return (
    <section className="card" aria-labelledby="thread-heading">
      <h2 id="thread-heading">{t('applications.messages')}</h2>
      {messages.length === 0 ? <p className="hint">{t('applications.noMessages')}</p> : null}
      <ol className="thread">
        {messages.map((m) => (
          <li key={m.id}>
            <p className="hint">
              <strong>{m.author.name}</strong> · {formatDate(m.createdAt, 'dateTime')}
            </p>
            {m.body === null ? <p className="message-body hint">{t('trust.moderation.hiddenMessage')}</p> : <p className="message-body">{m.body}</p>}
            {m.warning ? (
              <div className="notice warning" role="alert">
                <p>{t(m.warning === 'fee' ? 'trust.warning.fee' : 'trust.warning.contact')}</p>
                {/* One click: the reason is already chosen. */}
                <Form method="post" action="/report" className="inline">
                  <input type="hidden" name="targetType" value="message" />
                  <input type="hidden" name="targetId" value={m.id} />
                  <input type="hidden" name="reason" value={m.warning === 'fee' ? 'money' : 'other'} />
                  <SubmitButton className="button small">{t('trust.warning.report')}</SubmitButton>
                </Form>
              </div>
            ) : m.reportable ? (
              <p>
                <ReportLink targetType="message" targetId={m.id} subject={`${m.author.name} · ${formatDate(m.createdAt, 'dateTime')}`} />
              </p>
            ) : null}
          </li>
        ))}
      </ol>
      <Form method="post">
        <div className="field">
          <label htmlFor="message-body">{t('applications.messageBody')}</label>
          <textarea
            id="message-body"
            name="body"
            required
            maxLength={5000}
            aria-describedby="message-body-error"
            aria-invalid={errors?.length ? true : undefined}
          />
          <ErrorList id="message-body-error" errors={errors} />
        </div>
        <SubmitButton name="intent" value="message">
          {t('applications.send')}
        </SubmitButton>
      </Form>
    </section>
  )
}
