// The CSP nonce and request id of the page being rendered: from the server on the first
// render, from the document's meta tag in the browser.
import { createContext, useContext } from 'react'

export type RequestInfo = { nonce: string; requestId: string }
export const RequestInfoContext = createContext<RequestInfo>({ nonce: '', requestId: '' })
export const useRequestInfo = () => useContext(RequestInfoContext)
