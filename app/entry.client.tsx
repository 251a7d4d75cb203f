import { RemixBrowser } from '@remix-run/react'
import { startTransition, StrictMode } from 'react'
import { hydrateRoot } from 'react-dom/client'
import { RequestInfoContext } from '#app/components/request-info.tsx'

const requestId = document.querySelector<HTMLMetaElement>('meta[name="request-id"]')?.content ?? ''

startTransition(() => {
  hydrateRoot(
    document,
    <StrictMode>
      <RequestInfoContext.Provider value={{ nonce: '', requestId }}>
        <RemixBrowser />
      </RequestInfoContext.Provider>
    </StrictMode>,
  )
})
