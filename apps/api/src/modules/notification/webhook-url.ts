import dns from 'node:dns';
import { lookup } from 'node:dns/promises';
import type { LookupFunction } from 'node:net';
import ipaddr from 'ipaddr.js';
import { parseAddress } from '../../common/client-address';
import { fail } from '../../common/user-error';

/** Address ranges a webhook may not reach unless allowed: everything but the public internet. */
const PUBLIC_RANGE = 'unicast';

function allowedBy(address: ipaddr.IPv4 | ipaddr.IPv6, allow: readonly string[]): boolean {
  return allow.some((a) => {
    try {
      if (a.includes('/')) {
        const [range, bits] = ipaddr.parseCIDR(a);
        return address.kind() === range.kind() && address.match(range, bits);
      }
      return ipaddr.parse(a).toString() === address.toString();
    } catch {
      return false;
    }
  });
}

/** Why an address may not be reached, or null when it may. */
export function refusal(address: string, allow: readonly string[]): string | null {
  const parsed = parseAddress(address);
  if (!parsed) return `${address} is not an IP address`;
  if (parsed.range() === PUBLIC_RANGE || allowedBy(parsed, allow)) return null;
  return `${address} is a ${parsed.range()} address`;
}

/** The error a refused connection fails with (the sender tells it from network errors). */
export class RefusedAddress extends Error {
  readonly refused = true;
}

/**
 * A DNS lookup for http.request that refuses private, loopback and link-local answers (checked at
 * connection time, so a public name re-pointed inside is refused too).
 */
export function guardedLookup(allow: readonly string[]): LookupFunction {
  return (hostname, options, callback) => {
    dns.lookup(hostname, { ...options, all: true }, (err, addresses) => {
      if (err) return callback(err, '', 0);
      const list = addresses as dns.LookupAddress[];
      for (const a of list) {
        const why = refusal(a.address, allow);
        if (why) return callback(new RefusedAddress(`Refused: ${hostname} → ${why}`), '', 0);
      }
      if ((options as dns.LookupOptions).all)
        return (callback as unknown as (e: null, a: dns.LookupAddress[]) => void)(null, list);
      callback(null, list[0].address, list[0].family);
    });
  };
}

/**
 * A webhook URL as it is stored, or a userError: absolute http(s), no credentials, and a host that is
 * (and resolves to) public addresses only, unless WEBHOOK_ALLOW_ADDRESSES allows them. Sending checks
 * the address again on every connection (DNS may change).
 */
export async function checkWebhookUrl(raw: string, allow: readonly string[]): Promise<string> {
  const field = ['input', 'url'];
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return fail('INVALID_URL', 'Not an absolute URL, e.g. https://shop.example.com/webhooks', field);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') fail('INVALID_URL', 'Use an https (or http) URL', field);
  if (url.username || url.password) fail('INVALID_URL', 'A webhook URL may not carry credentials', field);
  if (url.hash) fail('INVALID_URL', 'A webhook URL may not have a #fragment', field);
  const host = url.hostname.replace(/^\[|\]$/g, '');
  let addresses: string[];
  if (ipaddr.isValid(host)) addresses = [host];
  else {
    try {
      addresses = (await lookup(host, { all: true })).map((a) => a.address);
    } catch {
      return fail('INVALID_URL', `The host ${host} does not resolve`, field);
    }
  }
  for (const a of addresses) {
    const why = refusal(a, allow);
    if (why) fail('PRIVATE_ADDRESS', `${host}: ${why}; webhooks go to public receivers only`, field);
  }
  return url.toString();
}
