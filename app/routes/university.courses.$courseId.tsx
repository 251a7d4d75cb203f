// University staff: edit or delete one course of their catalogue.
import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { CourseForm } from '#app/components/course-form.tsx'
import { SubmitButton } from '#app/components/forms.tsx'
import { useT } from '#app/i18n/use-t.ts'
import { invalidReply } from '#app/lib/forms.server.ts'
import { redirectWithToast } from '#app/lib/toast.server.ts'
import { chosenSkills, skillPickerSearch } from '#app/modules/skills/skills.server.ts'
import { deleteCourse, getCourse, saveCourse } from '#app/modules/universities/catalogue.server.ts'
import { requireOneUniversity } from './university-context.server.ts'
import { courseFormSchema } from '#app/modules/universities/schemas.ts'
import { pageAction, pageLoader } from '#app/lib/page.server.ts'

export const loader = pageLoader(async ({ request, params }: LoaderFunctionArgs, { locale }) => {
  const { university } = await requireOneUniversity(request)
  const [course, skillSearch] = await Promise.all([getCourse(university.id, params.courseId ?? ''), skillPickerSearch(request, locale)])
  return { universityId: university.id, course, skills: chosenSkills(locale, course.skills), skillSearch }
})

export const action = pageAction(async ({ request, params }: ActionFunctionArgs, { parseForm, intent }) => {
  const { user, university } = await requireOneUniversity(request)
  const formData = await request.formData()
  const courseId = params.courseId ?? ''
  if (intent(formData, ['save', 'delete']) === 'delete') {
    await deleteCourse(user.id, university.id, courseId)
    return redirectWithToast(`/university?u=${university.id}`, 'universities.courseDeleted')
  }
  const submission = parseForm(formData, courseFormSchema)
  if (submission.status !== 'success') return invalidReply(submission)
  await saveCourse(user.id, university.id, courseId, submission.value)
  return redirectWithToast(`/university?u=${university.id}`, 'universities.courseSaved')
})

export default function EditCourse() {
  const { universityId, course, skills, skillSearch } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const t = useT()
  return (
    <section className="stack narrow">
      <h1>{t('universities.editCourse')}</h1>
      <CourseForm
        id="edit-course"
        intent="save"
        lastResult={actionData?.result}
        defaults={course}
        submitLabel={t('common.save')}
        skills={skills}
        skillSearch={skillSearch}
        keep={{ u: universityId }}
      />
      <Form method="post">
        <SubmitButton name="intent" value="delete" className="button danger">
          {t('universities.deleteCourse')}
        </SubmitButton>
      </Form>
    </section>
  )
}
