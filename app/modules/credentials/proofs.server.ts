// Data Integrity proofs with the eddsa-rdfc-2022 cryptosuite, through Digital Bazaar's
// libraries, always with the bundled-only document loader.
import { DataIntegrityProof } from '@digitalbazaar/data-integrity'
import { cryptosuite } from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite'
import * as vc from '@digitalbazaar/vc'
import { documentLoader } from './contexts.server.ts'
import type { IssuerSigner } from './issuers.server.ts'

type JsonObject = Record<string, unknown>

/** Adds an embedded proof to a copy of the credential; the input is not changed. */
export async function signCredential(signer: IssuerSigner, credential: JsonObject): Promise<JsonObject> {
  const suite = new DataIntegrityProof({ signer: signer.keyPair.signer(), cryptosuite })
  return vc.issue({ credential: structuredClone(credential), suite, documentLoader })
}

/** A suite that verifies eddsa-rdfc-2022 proofs (no signer). */
export function verifyingSuite() {
  return new DataIntegrityProof({ cryptosuite })
}

/** Signs a presentation as its holder, for tests and the bench (authentication proof). */
export async function signPresentation(signer: Pick<IssuerSigner, 'keyPair'>, presentation: JsonObject, challenge: string, domain?: string) {
  const suite = new DataIntegrityProof({ signer: signer.keyPair.signer(), cryptosuite })
  return vc.signPresentation({ presentation: structuredClone(presentation), suite, documentLoader, challenge, domain })
}
