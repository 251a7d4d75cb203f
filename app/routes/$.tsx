// Every path no other route claims: the 404 page, rendered by the root error boundary.
import { pageLoader } from '#app/lib/page.server.ts'
export const loader = pageLoader(async () => {
  throw new Response('Not Found', { status: 404 })
})

export default function NotFound() {
  return null
}
