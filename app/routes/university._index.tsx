// University staff: their course catalogue, with a form to add a course and links to the
// bulk upload, the roster upload and the skill-gap report.
import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { CourseForm } from '#app/components/course-form.tsx'
import { pickText } from '#app/i18n/translate.ts'
import { useLocale, useT } from '#app/i18n/use-t.ts'
import { invalidReply } from '#app/lib/forms.server.ts'
import { redirectWithToast } from '#app/lib/toast.server.ts'
import { hasRole } from '#app/modules/auth/permissions.server.ts'
import { skillPickerSearch } from '#app/modules/skills/skills.server.ts'
import { listCourses, saveCourse } from '#app/modules/universities/catalogue.server.ts'
import { requireOneUniversity, requireUniversityContext } from './university-context.server.ts'
import { courseFormSchema } from '#app/modules/universities/schemas.ts'
import { listUniversityOptions } from '#app/modules/universities/universities.server.ts'
import { pageAction, pageLoader } from '#app/lib/page.server.ts'

export const loader = pageLoader(async ({ request }: LoaderFunctionArgs, { locale }) => {
  const { user, university } = await requireUniversityContext(request)
  if (!university)
    return { university: null, choices: hasRole(user, 'admin') ? await listUniversityOptions() : [], courses: [], skillSearch: { query: '', results: [] } }
  const [courses, skillSearch] = await Promise.all([listCourses(university.id), skillPickerSearch(request, locale)])
  return { university, choices: [], courses, skillSearch }
})

export const action = pageAction(async ({ request }: ActionFunctionArgs, { parseForm }) => {
  const { user, university } = await requireOneUniversity(request)
  const submission = parseForm(await request.formData(), courseFormSchema)
  if (submission.status !== 'success') return invalidReply(submission)
  await saveCourse(user, university.id, null, submission.value)
  return redirectWithToast(`/university?u=${university.id}`, 'universities.courseSaved')
})

export default function UniversityCatalogue() {
  const { university, choices, courses, skillSearch } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const t = useT()
  const locale = useLocale()
  if (!university) {
    return (
      <section className="stack">
        <h1>{t('universities.pick')}</h1>
        <ul className="plain-list">
          {choices.map((u) => (
            <li key={u.id}>
              <Link to={`/university?u=${u.id}`}>{pickText(locale, u.nameZh, u.nameEn)}</Link>
            </li>
          ))}
        </ul>
      </section>
    )
  }
  const q = `?u=${university.id}`
  return (
    <section className="stack">
      <h1>{t('universities.title', { name: pickText(locale, university.nameZh, university.nameEn) })}</h1>
      <nav className="segmented" aria-label={t('universities.courses')}>
        <Link to={`/university/upload${q}`}>{t('universities.upload')}</Link>
        <Link to={`/university/roster${q}`}>{t('universities.roster')}</Link>
        <Link to={`/university/skill-gap${q}`}>{t('gap.link')}</Link>
      </nav>
      <section aria-labelledby="courses-heading">
        <h2 id="courses-heading">{t('universities.courses')}</h2>
        {courses.length === 0 ? (
          <p>{t('universities.noCourses')}</p>
        ) : (
          <table className="data">
            <thead>
              <tr>
                <th scope="col">{t('universities.code')}</th>
                <th scope="col">{t('profile.course')}</th>
                <th scope="col">{t('universities.semester')}</th>
                <th scope="col">{t('universities.skills')}</th>
                <th scope="col">{t('universities.verifiedStudents')}</th>
              </tr>
            </thead>
            <tbody>
              {courses.map((c) => (
                <tr key={c.id}>
                  <td>
                    <Link to={`/university/courses/${c.id}${q}`}>{c.code}</Link>
                  </td>
                  <td>{pickText(locale, c.titleZh, c.titleEn)}</td>
                  <td>{c.semester}</td>
                  <td>{c.skills.map((s) => `${pickText(locale, s.skill.nameZh, s.skill.nameEn)} ${s.level}`).join('、')}</td>
                  <td>{c._count.studentCourses}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <section aria-labelledby="add-course-heading" className="card">
        <h2 id="add-course-heading">{t('universities.addCourse')}</h2>
        <CourseForm
          id="add-course"
          intent="create"
          lastResult={actionData?.result}
          submitLabel={t('universities.addCourse')}
          skills={[]}
          skillSearch={skillSearch}
          keep={{ u: university.id }}
        />
      </section>
    </section>
  )
}
