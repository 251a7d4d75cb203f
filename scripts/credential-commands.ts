// Operator commands for the credential transparency log: print a credential's inclusion
// proofs, and check a printed proof offline. Registered in cli-commands.ts.
import { readFile } from 'node:fs/promises'
import { z } from 'zod'
import { UserFacingError } from '#app/lib/errors.server.ts'
import { issuerRegistry } from '#app/modules/credentials/issuers.server.ts'
import { checkInclusionProof, type InclusionProof } from '#app/modules/credentials/merkle.server.ts'
import { proveCredential } from '#app/modules/credentials/transparency-log.server.ts'
import { parseCommand, type Io } from './args.ts'

export const CREDENTIAL_USAGE = `  credentials prove ID                     prints the credential's inclusion proofs (issuance, revocation) as
                                           JSON, then checks them offline from the printed text alone
  credentials check-proof FILE [--key DID] checks printed proofs offline against the log's public key
                                           (default: the key named in the file; compare it with /api/vc/issuers)`

const base64 = z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/)
const proofSchema = z.object({
  entry: z.object({ credentialId: z.string(), event: z.enum(['issued', 'revoked']), time: z.string(), credentialDigest: z.string() }),
  leafIndex: z.number().int().nonnegative(),
  treeSize: z.number().int().positive(),
  auditPath: z.array(base64),
  treeHead: z.object({
    treeSize: z.number().int().positive(),
    rootHash: base64,
    timestamp: z.number().int().nonnegative(),
    signature: base64,
    keyId: z.string(),
  }),
}) satisfies z.ZodType<InclusionProof>
const printedSchema = z.object({ credentialId: z.string(), proofs: z.array(proofSchema) })

const proveSchema = z.object({ positionals: z.tuple([z.string().trim().min(1).max(200)]) })
const checkSchema = z.object({ positionals: z.tuple([z.string().min(1)]), key: z.string().startsWith('did:key:').optional() })

/** Checks each proof against the key; prints one line per proof; true when all check. */
async function reportChecks(proofs: InclusionProof[], keyFor: (proof: InclusionProof) => string, io: Io) {
  let allValid = proofs.length > 0
  for (const proof of proofs) {
    const check = await checkInclusionProof(proof, keyFor(proof))
    allValid &&= check.valid
    const verdict = check.valid
      ? 'checks'
      : `DOES NOT CHECK (${[!check.signature && 'tree head signature', !check.inclusion && 'audit path'].filter(Boolean).join(', ')})`
    io.err(`${proof.entry.event} at leaf ${proof.leafIndex}, tree size ${proof.treeSize}, signed by ${keyFor(proof)}: ${verdict}`)
  }
  return allValid
}

class ProofCheckFailed extends UserFacingError {
  constructor() {
    super(422, 'transparencyLog.proofInvalid')
  }
}

async function prove(argv: string[], io: Io) {
  const [id] = parseCommand(argv, {}, proveSchema).positionals
  const events = await proveCredential(id)
  if (!events) throw new UserFacingError(404, 'transparencyLog.noCredential', { id })
  const proofs = events.flatMap((event) => (event.proof ? [event.proof] : []))
  if (events.length === 0 || proofs.length < events.length) throw new UserFacingError(409, 'transparencyLog.pendingCli', { id })
  const printed = JSON.stringify({ credentialId: events[0]!.entry.credentialId, proofs }, null, 2)
  io.out(printed)
  // Offline: only the printed text and the platform's public keys from the registry.
  const platformDids = new Set((await issuerRegistry()).filter((issuer) => issuer.kind === 'platform').flatMap((issuer) => issuer.dids))
  const reread = printedSchema.parse(JSON.parse(printed))
  const keyOf = (proof: InclusionProof) => (platformDids.has(proof.treeHead.keyId) ? proof.treeHead.keyId : 'no platform key')
  if (!(await reportChecks(reread.proofs, keyOf, io))) throw new ProofCheckFailed()
}

async function checkProof(argv: string[], io: Io) {
  const { positionals, key } = parseCommand(argv, { key: { type: 'string' } }, checkSchema)
  const text = await readFile(positionals[0], 'utf8')
  let parsed: z.infer<typeof printedSchema>
  try {
    const json: unknown = JSON.parse(text)
    const single = proofSchema.safeParse(json)
    parsed = single.success ? { credentialId: single.data.entry.credentialId, proofs: [single.data] } : printedSchema.parse(json)
  } catch {
    throw new UserFacingError(400, 'transparencyLog.notAProof')
  }
  if (!key) io.err('no --key given: using the key named in the file; compare it with the platform issuer in /api/vc/issuers')
  if (!(await reportChecks(parsed.proofs, (proof) => key ?? proof.treeHead.keyId, io))) throw new ProofCheckFailed()
}

export const credentialCommands: Record<string, (argv: string[], io: Io) => Promise<void>> = {
  'credentials prove': prove,
  'credentials check-proof': checkProof,
}
