// The message thread of an application and its reply form (student and company pages).
import { Form } from '@remix-run/react'
import { ErrorList, SubmitButton } from '#app/components/forms.tsx'
import { useT } from '#app/i18n/use-t.ts'
import { useFormatDate } from '#app/lib/time.ts'

type Message = { id: string; body: string; createdAt: string | Date; author: { name: string } }

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
            <p className="message-body">{m.body}</p>
          </li>
        ))}
      </ol>
      <Form method="post">
        <div className="field">
          <label htmlFor="message-body">{t('applications.messageBody')}</label>
          <textarea id="message-body" name="body" required maxLength={5000} aria-describedby="message-body-error" aria-invalid={errors?.length ? true : undefined} />
          <ErrorList id="message-body-error" errors={errors} />
        </div>
        <SubmitButton name="intent" value="message">
          {t('applications.send')}
        </SubmitButton>
      </Form>
    </section>
  )
}
