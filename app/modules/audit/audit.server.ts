import type { Prisma } from '#app/generated/prisma/client.ts'
import type { Tx } from '#app/lib/db.server.ts'

/** Appends to the audit log inside the caller's transaction. */
export async function recordAudit(
  tx: Tx,
  entry: { actorId?: string | null; action: string; entity: string; entityId?: string | null; data?: Prisma.InputJsonValue },
) {
  await tx.auditLog.create({
    data: { actorId: entry.actorId ?? null, action: entry.action, entity: entry.entity, entityId: entry.entityId ?? null, data: entry.data },
    select: { id: true },
  })
}
