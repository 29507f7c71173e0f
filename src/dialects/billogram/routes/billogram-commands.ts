// POST /billogram/{id}/command/{name}: the lifecycle commands. Each answers with the full
// billogram as it stands after the command (Python and PHP replace their local copy with it).

import type { FastifyInstance } from 'fastify'
import { runCaseCommand } from '../../../core/cases/run-case-command.ts'
import type { CoreContext } from '../../../core/context.ts'
import { tenantOf } from '../../../http/tenant.ts'
import { BillogramWireError, withWireFields } from '../errors.ts'
import { billogramToWire, type WireContext } from '../wire/billogram-out.ts'
import { renderBillogramCallback } from '../wire/callback-body.ts'
import { COMMAND_FIELD_NAMES, commandOf } from '../wire/commands.ts'
import { ok } from '../wire/envelope.ts'
import { objectBody } from '../wire/strict-body.ts'
import { billogramById } from './billogram-lookup.ts'

type Command = { Params: { id: string; command: string }; Body: unknown }

export function registerBillogramCommandRoutes(
  app: FastifyInstance,
  core: CoreContext,
  wire: WireContext,
): void {
  app.post<Command>('/billogram/:id/command/:command', async (request) => {
    const tenant = tenantOf(request)
    const current = await billogramById(core, tenant, request.params.id)
    const command = await commandOf(request.params.command, current, objectBody(request.body), (id) =>
      billogramById(core, tenant, id).catch((error: unknown) => {
        // A source that does not exist is a bad parameter of this billogram's command.
        if (error instanceof BillogramWireError && error.code === 'NOT_FOUND')
          throw new BillogramWireError('INVALID_PARAMETER', `billogram ${id} does not exist`, ['source_id'])
        throw error
      }),
    )
    const details = await withWireFields(COMMAND_FIELD_NAMES, () =>
      runCaseCommand(core, tenant, current.caseId, command, { announce: renderBillogramCallback }),
    )
    return ok(billogramToWire(details, wire))
  })
}
