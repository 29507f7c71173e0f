// Keeps webhooks from being aimed at the inside of the network Faktura runs in (server-side
// request forgery): a tenant could otherwise register http://169.254.169.254/ or http://10.0.0.5/
// and read the answers from the delivery log. Every address a host resolves to is checked, and
// the caller connects only to addresses that passed (see postWebhook's pinned lookup), so a DNS
// answer that changes between the check and the connection (rebinding) cannot slip through.

import { lookup } from 'node:dns/promises'
import { BlockList, isIP } from 'node:net'
import { PermanentDeliveryError } from '../permanent-delivery-error.ts'

export type NetworkPolicy = Readonly<{
  /** Allow 10/8, 172.16/12, 192.168/16, fc00::/7 and the carrier-grade NAT range 100.64/10. */
  allowPrivateNetworks?: boolean
  /** Allow 127/8 and ::1: a receiver on the same machine. */
  allowLoopback?: boolean
  /**
   * Allow 169.254/16 and fe80::/10. Separate from private networks because the cloud metadata
   * service (169.254.169.254, with its credentials) lives there.
   */
  allowLinkLocal?: boolean
}>

export type AddressCategory =
  | 'public'
  | 'loopback'
  | 'private'
  | 'shared'
  | 'link-local'
  | 'unspecified'
  | 'reserved'

export type VettedAddress = Readonly<{ address: string; family: 4 | 6 }>

type Subnet = readonly [network: string, prefix: number]

// In order: the first category with a matching subnet wins, so "::" and "::1" are named before
// the wider ::/96 among the reserved ranges.
const CATEGORIES: readonly (readonly [AddressCategory, readonly Subnet[], readonly Subnet[]])[] = [
  ['unspecified', [['0.0.0.0', 8]], [['::', 128]]],
  ['loopback', [['127.0.0.0', 8]], [['::1', 128]]],
  [
    'private',
    [
      ['10.0.0.0', 8],
      ['172.16.0.0', 12],
      ['192.168.0.0', 16],
    ],
    [['fc00::', 7]],
  ],
  ['shared', [['100.64.0.0', 10]], []],
  ['link-local', [['169.254.0.0', 16]], [['fe80::', 10]]],
  // Multicast, the old class E and broadcast, IPv4-compatible IPv6 (deprecated), discard-only.
  [
    'reserved',
    [
      ['224.0.0.0', 4],
      ['240.0.0.0', 4],
    ],
    [
      ['ff00::', 8],
      ['::', 96],
      ['100::', 64],
    ],
  ],
]

// IPv4 rules also match IPv4-mapped IPv6 (::ffff:a.b.c.d, in any spelling): BlockList does that.
// NAT64 (64:ff9b::/96) embeds an IPv4 address the gateway will connect to, so each IPv4 rule is
// repeated inside it.
const BLOCK_LISTS = CATEGORIES.map(([category, ipv4, ipv6]) => {
  const list = new BlockList()
  for (const [network, prefix] of ipv4) {
    list.addSubnet(network, prefix, 'ipv4')
    list.addSubnet(`64:ff9b::${network}`, 96 + prefix, 'ipv6')
  }
  for (const [network, prefix] of ipv6) list.addSubnet(network, prefix, 'ipv6')
  return [category, list] as const
})

export function classifyAddress(address: string): AddressCategory {
  const family = isIP(address)
  if (family === 0) throw new Error(`${JSON.stringify(address)} is not an IP address`)
  const type = family === 4 ? 'ipv4' : 'ipv6'
  for (const [category, list] of BLOCK_LISTS) {
    if (list.check(address, type)) return category
  }
  return 'public'
}

export function isCategoryAllowed(category: AddressCategory, policy: NetworkPolicy): boolean {
  switch (category) {
    case 'public':
      return true
    case 'loopback':
      return policy.allowLoopback === true
    case 'private':
    case 'shared':
      return policy.allowPrivateNetworks === true
    case 'link-local':
      return policy.allowLinkLocal === true
    case 'unspecified':
    case 'reserved':
      // 0.0.0.0 reaches the local machine on Linux; multicast and reserved ranges serve no
      // HTTP receiver. No policy opens these.
      return false
  }
}

/**
 * The addresses of a host that the policy allows, in resolver order. Refuses the host when any
 * of its addresses is not allowed: a public name that also resolves to 10.0.0.5 is a trap, not a
 * receiver. Resolver failures (ENOTFOUND, EAI_AGAIN) pass through: DNS may answer later.
 */
export async function vetHost(hostname: string, policy: NetworkPolicy): Promise<VettedAddress[]> {
  const bare = hostname.startsWith('[') && hostname.endsWith(']') ? hostname.slice(1, -1) : hostname
  const literalFamily = isIP(bare)
  const addresses: VettedAddress[] =
    literalFamily === 0
      ? (await lookup(bare, { all: true, order: 'verbatim' })).map((entry) => ({
          address: entry.address,
          family: entry.family === 6 ? 6 : 4,
        }))
      : [{ address: bare, family: literalFamily === 6 ? 6 : 4 }]
  if (addresses.length === 0) throw new Error(`${bare} resolves to no address`)
  for (const { address } of addresses) {
    const category = classifyAddress(address)
    if (!isCategoryAllowed(category, policy)) {
      const via = literalFamily === 0 ? ` (${bare} resolves to it)` : ''
      throw new PermanentDeliveryError(
        `refusing to connect to ${address}${via}: it is a ${category} address, which the webhook network policy does not allow`,
        { field: 'url' },
      )
    }
  }
  return addresses
}
