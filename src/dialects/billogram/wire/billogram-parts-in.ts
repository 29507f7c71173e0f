// The parts of a billogram body that are not its draft: the callback subscription, the
// attachment, and on create what to do on success (../shared/reference/billogram.md §3, §5, §6).

import type { CallbackInput } from '../../../core/callbacks/callback-subscriptions.ts'
import type { AttachmentInput } from '../../../core/cases/case-attachment.ts'
import type { CaseCommand } from '../../../core/cases/run-case-command.ts'
import { BillogramWireError } from '../errors.ts'
import { deliveryOf } from './delivery-method.ts'
import { readObject, readText } from './read.ts'
import type { JsonObject } from './strict-body.ts'

export function callbackFromWire(body: JsonObject): CallbackInput | null | undefined {
  if (!('callbacks' in body)) return undefined
  const callbacks = readObject(body, 'callbacks')
  if (!callbacks) return null
  const url = readText(callbacks, 'url', ['callbacks'], 2000)
  if (url === undefined || url === '') return null
  return {
    url,
    signKey: readText(callbacks, 'sign_key', ['callbacks'], 200) ?? null,
    custom: readText(callbacks, 'custom', ['callbacks'], 2000) ?? null,
  }
}

export function attachmentFromWire(body: JsonObject): AttachmentInput | null | undefined {
  const content = readText(body, 'attachment_content', [], 20_000_000)
  if (content !== undefined)
    return { filename: readText(body, 'attachment', [], 200) ?? 'attachment.pdf', contentBase64: content }
  return 'attachment' in body && body.attachment === null ? null : undefined
}

/** on_success on create: {command: "send", method} or {command: "sell"}; the legacy `_event: "sell"` sells too. */
export function onSuccessFromWire(body: JsonObject): CaseCommand | undefined {
  if (body._event !== undefined && body._event !== null) {
    if (body._event !== 'sell')
      throw new BillogramWireError('INVALID_PARAMETER', '_event must be sell', ['_event'])
    if (body.on_success !== undefined && body.on_success !== null)
      throw new BillogramWireError('INVALID_PARAMETER_COMBINATION', 'give on_success or _event, not both', [
        '_event',
      ])
    return { type: 'sell' }
  }
  const onSuccess = readObject(body, 'on_success')
  if (!onSuccess) return undefined
  const command = onSuccess.command
  if (command === 'sell') return { type: 'sell' }
  if (command !== 'send')
    throw new BillogramWireError('INVALID_PARAMETER', 'on_success command must be send or sell', [
      'on_success',
      'command',
    ])
  return { type: 'issue', delivery: deliveryOf(onSuccess.method, ['on_success', 'method']) }
}
