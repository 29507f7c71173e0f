// Announces a case's events that no Billogram command announced (a recipient's message or
// respite request from the invoice page, a job marking it overdue, another dialect's payment):
// the same callbacks, enqueued once each thanks to the case's callback cursor. main.ts calls it
// for every `event.announce` outbox row that names a case.

import { announceCaseCallbacks } from '../../core/callbacks/enqueue-case-callbacks.ts'
import type { CoreContext } from '../../core/context.ts'
import { renderBillogramCallback } from './wire/callback-body.ts'

export function billogramAnnouncerFor(core: CoreContext) {
  return (organizationId: string, caseId: string): Promise<number> =>
    announceCaseCallbacks(core, { organizationId }, caseId, renderBillogramCallback)
}
