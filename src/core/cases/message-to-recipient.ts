// A message from the sender to the recipient of a case, shown in the case's history on the
// recipient's page and announced like every event. The invariant it protects: a message is
// non-empty text of bounded length.

import { invalidField } from '../../domain/errors.ts'
import type { Tx } from '../../storage/database.ts'
import { type CoreContext, nowIso, type Tenant } from '../context.ts'
import { recordAndAnnounce } from '../events/record-event.ts'

export const SENDER_MESSAGE_EVENT = 'case.sender_message'
const MAX_MESSAGE_LENGTH = 4000

export async function postSenderMessageWithin(
  context: CoreContext,
  tx: Tx,
  tenant: Tenant,
  caseId: string,
  text: unknown,
): Promise<void> {
  if (typeof text !== 'string' || text.trim() === '')
    throw invalidField('message', 'message must not be empty')
  if (text.length > MAX_MESSAGE_LENGTH)
    throw invalidField('message', `message must be at most ${MAX_MESSAGE_LENGTH} characters`)
  await recordAndAnnounce(tx, {
    organizationId: tenant.organizationId,
    type: SENDER_MESSAGE_EVENT,
    caseId,
    data: { message: text.trim() },
    visibleToRecipient: true,
    occurredAt: nowIso(context),
  })
}
