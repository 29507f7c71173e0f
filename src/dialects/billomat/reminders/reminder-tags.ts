// /reminder-tags (§2.9): tags of a reminder, kept as records hung on the reminder's key
// (`{invoice}:{level}`, the core's name for one reminder), named on the wire by `reminder_id`.

import { reminderKeyOf } from '../../../core/dunning/list-reminders.ts'
import { invalidField } from '../../../domain/errors.ts'
import { tags } from '../records/annotation-resources.ts'
import type { RecordSpec } from '../records/record-spec.ts'
import { reminderById } from '../routes/reminders.ts'
import { REMINDER_TAG_RESOURCE } from './reminder-search.ts'

export const REMINDER_TAGS: RecordSpec = tags('reminder-tags', REMINDER_TAG_RESOURCE, {
  field: 'reminder_id',
  resolve: async (core, tenant, id) => {
    const reminder = await reminderById(core, tenant, id).catch(() => {
      throw invalidField('reminder_id', `reminder ${id} does not exist`)
    })
    return reminderKeyOf(reminder)
  },
})
