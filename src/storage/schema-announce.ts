// Row types of the table created by migration 0015-announce-cursors.ts (which also drops
// callback_cursors), merged into Database in schema.ts.

export type AnnounceCursorsTable = {
  organization_id: string
  announcer: string
  case_id: string
  last_event_id: string
}

export type AnnounceTables = {
  announce_cursors: AnnounceCursorsTable
}
