// The key every per-address limit counts under. An IPv6 host is usually given a whole /64, so a cap keyed on the full
// address is no cap at all (30 of 30 emails went out from one /64 where the cap is 20): IPv6 counts by its /64.
import { isIPv4, isIPv6 } from 'node:net';

/** The eight 16-bit groups of an IPv6 address, or null when it is not one. */
function ipv6Groups(address: string): number[] | null {
  const bare = address.split('%')[0]!; // a zone index (fe80::1%eth0) names the interface, not the host
  if (!isIPv6(bare)) return null;
  let text = bare;
  const lastColon = text.lastIndexOf(':');
  const tail = text.slice(lastColon + 1);
  if (isIPv4(tail)) {
    // An embedded IPv4 (::ffff:203.0.113.9) is its last two groups.
    const [a, b, c, d] = tail.split('.').map(Number) as [number, number, number, number];
    text = `${text.slice(0, lastColon + 1)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head, rest] = text.split('::') as [string, string | undefined];
  const left = head ? head.split(':') : [];
  const right = rest === undefined ? [] : rest ? rest.split(':') : [];
  const missing = 8 - left.length - right.length;
  const groups = [...left, ...Array.from({ length: rest === undefined ? 0 : missing }, () => '0'), ...right].map((g) => Number.parseInt(g, 16));
  return groups.length === 8 ? groups : null;
}

/** IPv4 as it is; IPv4-mapped IPv6 as its IPv4; other IPv6 as its /64 network (`2001:db8:1:2::/64`). */
export function clientKey(address: string | undefined): string {
  if (!address) return 'unknown';
  const groups = ipv6Groups(address);
  if (!groups) return address;
  if (groups.slice(0, 5).every((g) => g === 0) && groups[5] === 0xffff) {
    return [groups[6]! >> 8, groups[6]! & 0xff, groups[7]! >> 8, groups[7]! & 0xff].join('.');
  }
  return `${groups.slice(0, 4).map((g) => g.toString(16)).join(':')}::/64`;
}
