import { BlockList, isIP } from 'node:net';

/**
 * Addresses a webhook may not reach unless its host is explicitly allowed: this machine, its
 * private networks and the cloud metadata services. A caller who can choose a target URL could
 * otherwise use the backend to reach Redis on loopback or 169.254.169.254 from inside.
 */
const FORBIDDEN = new BlockList();
for (const [network, prefix] of [
  ['0.0.0.0', 8], // "this network"; 0.0.0.0 reaches loopback on Linux
  ['10.0.0.0', 8],
  ['100.64.0.0', 10], // carrier-grade NAT, and Alibaba's metadata at 100.100.100.200
  ['127.0.0.0', 8],
  ['169.254.0.0', 16], // link-local: AWS, GCP and Azure metadata at 169.254.169.254
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['224.0.0.0', 4], // multicast
  ['240.0.0.0', 4], // reserved and broadcast
] as const) {
  FORBIDDEN.addSubnet(network, prefix, 'ipv4');
}
for (const [network, prefix] of [
  ['::', 128],
  ['::1', 128],
  ['fc00::', 7], // unique local, AWS's IPv6 metadata fd00:ec2::254
  ['fe80::', 10], // link-local
  ['ff00::', 8], // multicast
] as const) {
  FORBIDDEN.addSubnet(network, prefix, 'ipv6');
}

/** Names that mean "this machine" or a metadata service whatever DNS says. */
const FORBIDDEN_NAMES = /^(localhost|.*\.localhost|metadata|metadata\.google\.internal|instance-data(\.ec2\.internal)?)\.?$/i;

/** The host of a URL without IPv6 brackets: `[::1]` → `::1`. */
export const bareHost = (hostname: string): string => hostname.replace(/^\[(.*)\]$/, '$1');

export const isForbiddenName = (host: string): boolean => FORBIDDEN_NAMES.test(bareHost(host));

/** True for loopback, private, link-local, metadata and other non-public addresses (IPv4-mapped IPv6 too). */
export function isForbiddenAddress(address: string): boolean {
  const bare = bareHost(address);
  const version = isIP(bare);
  if (version === 4) return FORBIDDEN.check(bare, 'ipv4');
  if (version !== 6) return true;
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(bare) ?? /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/i.exec(bare);
  if (mapped) {
    const ipv4 = mapped.length === 2 ? mapped[1]! : hexPairToIpv4(mapped[1]!, mapped[2]!);
    return FORBIDDEN.check(ipv4, 'ipv4');
  }
  return FORBIDDEN.check(bare, 'ipv6');
}

function hexPairToIpv4(high: string, low: string): string {
  const h = parseInt(high, 16);
  const l = parseInt(low, 16);
  return [h >> 8, h & 255, l >> 8, l & 255].join('.');
}
