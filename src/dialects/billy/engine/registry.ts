// The set of resources the dialect serves, found by singular or plural name, and the operation a
// method and path ask of one. Used before authentication to answer 405 the way Billy does.

import { assert } from '../../../domain/assert.ts'
import type { Operation, Resource, ResourceDef } from './resource.ts'

export type ResourceRegistry = Readonly<{
  all: readonly Resource[]
  bySingular: (singular: string) => Resource | undefined
  byPlural: (plural: string) => Resource | undefined
  def: (singular: string) => ResourceDef
}>

export function createRegistry(resources: readonly Resource[]): ResourceRegistry {
  const singulars = new Map(resources.map((resource) => [resource.def.singular, resource]))
  const plurals = new Map(resources.map((resource) => [resource.def.plural, resource]))
  assert(singulars.size === resources.length && plurals.size === resources.length, 'resource names repeat')
  return {
    all: resources,
    bySingular: (singular) => singulars.get(singular),
    byPlural: (plural) => plurals.get(plural),
    def(singular) {
      const resource = singulars.get(singular)
      assert(resource, `no resource ${singular}`)
      return resource.def
    },
  }
}

/** Whether Billy documents the operation and Faktura's store for the resource can do it. */
export function supports(resource: Resource, operation: Operation): boolean {
  if (!resource.def.operations.includes(operation)) return false
  const { store } = resource
  switch (operation) {
    case 'get':
      return true
    case 'list':
      return store.list !== undefined
    case 'create':
      return store.create !== undefined || store.upload !== undefined
    case 'update':
      return store.update !== undefined
    case 'bulkSave':
      return store.create !== undefined || store.update !== undefined
    case 'delete':
    case 'bulkDelete':
      return store.delete !== undefined
  }
}

export type RequestedOperation = Readonly<{ resource: Resource; operation: Operation }>

/** The resource operation a request asks for, from its method and the path below the prefix. */
export function requestedOperation(
  registry: ResourceRegistry,
  method: string,
  path: string,
): RequestedOperation | undefined {
  const parts = path.split('/').filter((part) => part !== '')
  if (parts.length === 0 || parts.length > 2) return undefined
  const resource = registry.byPlural(parts[0] ?? '')
  if (!resource) return undefined
  const one = parts.length === 2
  const operation = operationOf(method.toUpperCase(), one)
  return operation ? { resource, operation } : undefined
}

function operationOf(method: string, one: boolean): Operation | undefined {
  switch (method) {
    case 'GET':
    case 'HEAD':
      return one ? 'get' : 'list'
    case 'POST':
      return one ? undefined : 'create'
    case 'PUT':
      return one ? 'update' : undefined
    case 'PATCH':
      return one ? 'update' : 'bulkSave'
    case 'DELETE':
      return one ? 'delete' : 'bulkDelete'
    default:
      return undefined
  }
}
