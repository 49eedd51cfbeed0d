import { lookup } from 'node:dns/promises';
import { BlockList, isIP } from 'node:net';

/**
 * Addresses no org's webhook may reach: loopback, private networks, link-local (cloud
 * metadata services live there), carrier-grade NAT, multicast and reserved ranges. A
 * webhook URL is typed by staff of any org, so without this it could probe the platform's
 * own network.
 */
const PRIVATE = new BlockList();
for (const [network, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const)
  PRIVATE.addSubnet(network, prefix, 'ipv4');
for (const [network, prefix] of [
  ['::', 128],
  ['::1', 128],
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
] as const)
  PRIVATE.addSubnet(network, prefix, 'ipv6');

export function isPrivateAddress(address: string): boolean {
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(address)?.[1];
  if (mapped) return isPrivateAddress(mapped);
  const family = isIP(address);
  return family !== 0 && PRIVATE.check(address, family === 4 ? 'ipv4' : 'ipv6');
}

const hostOf = (url: string) => new URL(url).hostname.replace(/^\[(.*)\]$/, '$1');

/** A URL whose host is written as a private address or `localhost`: refused when saved. */
export function namesPrivateHost(url: string): boolean {
  const host = hostOf(url).toLowerCase();
  return host === 'localhost' || host.endsWith('.localhost') || isPrivateAddress(host);
}

/**
 * Why a delivery may not be sent to `url` (its host resolves to a private address), or null.
 * Checked before every attempt, since a name can be pointed elsewhere after it was saved; a
 * name that does not resolve is left to the request, which fails and is retried.
 */
export async function privateTarget(url: string): Promise<string | null> {
  const host = hostOf(url);
  let addresses: string[];
  try {
    addresses = isIP(host) ? [host] : (await lookup(host, { all: true })).map((a) => a.address);
  } catch {
    return null;
  }
  const blocked = addresses.find(isPrivateAddress);
  return blocked
    ? `${host} is a private address (${blocked}); webhooks are sent to public addresses only`
    : null;
}
