import { BlockList, isIP, isIPv6 } from 'node:net';
import ipaddr from 'ipaddr.js';

/**
 * What per-address limits count by: an IPv4 address, or the /64 network of an IPv6 address (one
 * subscriber's allocation, which a client may rotate through freely). IPv4-mapped IPv6 addresses
 * (::ffff:192.0.2.1) count as their IPv4 address.
 */
export function addressKey(ip: string | null | undefined): string {
  if (!ip) return 'unknown';
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(ip);
  if (mapped) return mapped[1];
  const bare = ip.split('%')[0];
  if (!isIPv6(bare)) return ip;
  const groups = expandIPv6(bare);
  return `${groups.slice(0, 4).join(':')}::/64`;
}

/** The eight 16-bit groups of an IPv6 address, lower-case without leading zeros. */
function expandIPv6(ip: string): string[] {
  let text = ip.toLowerCase();
  // A trailing embedded IPv4 address (::1.2.3.4) stands for the last two groups.
  const v4 = /(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(text);
  if (v4) {
    const [a, b, c, d] = v4.slice(1).map(Number);
    text = text.slice(0, v4.index) + `${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head, tail] = text.includes('::') ? text.split('::') : [text, null];
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const zeros = tail === null ? [] : Array<string>(8 - left.length - right.length).fill('0');
  return [...left, ...zeros, ...right].map((g) => parseInt(g, 16).toString(16));
}

/**
 * Which hops in front of the API are proxies it trusts to say who their client is (X-Forwarded-For):
 * `hop` 0 is the peer of the socket, 1 the address that peer forwarded for, and so on.
 */
export type TrustProxy = (address: string, hop: number) => boolean;

/** The default: no proxy is trusted and X-Forwarded-For is ignored. */
export const TRUST_NO_PROXY: TrustProxy = () => false;

/**
 * TRUST_PROXY: empty, "false" or "0" (the default) trusts no proxy; a number N trusts the N hops
 * nearest to the API, whatever their addresses (N proxies in a row in front of it); otherwise a
 * comma-separated list of proxy addresses and CIDR ranges ("10.0.0.0/8, fd00::/8", "loopback" for
 * 127.0.0.0/8 and ::1) whose X-Forwarded-For is believed. Throws on anything else.
 */
export function parseTrustProxy(raw: string | undefined): TrustProxy {
  const text = (raw ?? '').trim();
  if (text === '' || text === 'false' || text === '0') return TRUST_NO_PROXY;
  if (/^\d+$/.test(text)) {
    const hops = Number(text);
    return (_address, hop) => hop < hops;
  }
  const list = new BlockList();
  for (const item of text.split(',').map((s) => s.trim())) {
    if (item === 'loopback') {
      list.addSubnet('127.0.0.0', 8, 'ipv4');
      list.addAddress('::1', 'ipv6');
      continue;
    }
    const [address, bits, ...rest] = item.split('/');
    const family = isIP(address);
    const prefix = bits === undefined ? null : Number(bits);
    if (!family || rest.length || (prefix !== null && (!/^\d+$/.test(bits) || prefix > (family === 4 ? 32 : 128))))
      throw new Error(
        `TRUST_PROXY must be a hop count or a comma-separated list of addresses and CIDR ranges, got "${item}"`,
      );
    const type = family === 4 ? 'ipv4' : 'ipv6';
    if (prefix === null) list.addAddress(address, type);
    else list.addSubnet(address, prefix, type);
  }
  return (address) => list.check(address, isIP(address) === 4 ? 'ipv4' : 'ipv6');
}

/**
 * The caller's address, for HTTP requests and WebSocket upgrades alike: the socket's peer, or, when
 * that peer is a trusted proxy, the address it forwarded for (X-Forwarded-For, read from the right
 * for as long as each hop is trusted). An entry that is not an address ends the walk.
 */
export function clientAddress(
  req: { socket: { remoteAddress?: string }; headers: Record<string, string | string[] | undefined> },
  trust: TrustProxy,
): string | null {
  let client = plainAddress(req.socket.remoteAddress);
  if (!client || !trust(client, 0)) return client;
  const header = req.headers['x-forwarded-for'];
  const forwarded = (Array.isArray(header) ? header.join(',') : (header ?? '')).split(',').reverse();
  for (let hop = 1; hop <= forwarded.length; hop++) {
    const next = plainAddress(forwarded[hop - 1].trim());
    if (!next) break;
    client = next;
    if (!trust(next, hop)) break;
  }
  return client;
}

/** An address without brackets, port or IPv4-mapped prefix; null when it is not an IP address. */
export function plainAddress(text: string | undefined): string | null {
  if (!text) return null;
  let a = text;
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(a);
  if (bracketed) a = bracketed[1];
  else if (/^\d{1,3}(?:\.\d{1,3}){3}:\d+$/.test(a)) a = a.slice(0, a.lastIndexOf(':'));
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(a);
  if (mapped) a = mapped[1];
  return isIP(a) ? a : null;
}

/** An IP address parsed, an IPv4-mapped IPv6 address as the IPv4 one; null when it is not an IP address. */
export function parseAddress(address: string): ipaddr.IPv4 | ipaddr.IPv6 | null {
  let parsed: ipaddr.IPv4 | ipaddr.IPv6;
  try {
    parsed = ipaddr.parse(address);
  } catch {
    return null;
  }
  return parsed.kind() === 'ipv6' && (parsed as ipaddr.IPv6).isIPv4MappedAddress()
    ? (parsed as ipaddr.IPv6).toIPv4Address()
    : parsed;
}
