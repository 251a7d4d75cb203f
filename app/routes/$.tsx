// Every path no other route claims: the 404 page, rendered by the root error boundary.
export async function loader() {
  throw new Response('Not Found', { status: 404 })
}

export default function NotFound() {
  return null
}
