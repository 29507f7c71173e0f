// Billogram's success envelopes (../shared/reference/billogram.md §1): {"status": "OK", "data": …}
// for one object, plus meta.total_count for a list. `data` is never null (PHP checks isset).

export type OkBody<T> = Readonly<{ status: 'OK'; data: T }>
export type OkListBody<T> = Readonly<{ status: 'OK'; meta: { total_count: number }; data: readonly T[] }>

export function ok<T>(data: T): OkBody<T> {
  return { status: 'OK', data }
}

export function okList<T>(data: readonly T[], totalCount: number): OkListBody<T> {
  return { status: 'OK', meta: { total_count: totalCount }, data }
}
