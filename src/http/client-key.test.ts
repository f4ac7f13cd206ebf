import { describe, expect, it } from 'vitest';
import { clientKey } from './client-key';

describe('clientKey (what per-address limits count under)', () => {
  it('keeps an IPv4 address as it is', () => {
    expect(clientKey('203.0.113.9')).toBe('203.0.113.9');
    expect(clientKey('127.0.0.1')).toBe('127.0.0.1');
  });

  it('counts every address of one IPv6 /64 as one client, whatever its spelling', () => {
    const keys = ['2001:db8:1:2::1', '2001:db8:1:2::1e', '2001:0db8:0001:0002:ffff:0:0:7', '2001:DB8:1:2:a:b:c:d', '2001:db8:1:2::9%eth0'].map(clientKey);
    expect(new Set(keys)).toEqual(new Set(['2001:db8:1:2::/64']));
    expect(clientKey('2001:db8:1:3::1')).toBe('2001:db8:1:3::/64');
    expect(clientKey('::1')).toBe('0:0:0:0::/64');
    expect(clientKey('fe80::1%eth0')).toBe('fe80:0:0:0::/64');
  });

  it('reads an IPv4-mapped IPv6 address as its IPv4 address', () => {
    expect(clientKey('::ffff:203.0.113.9')).toBe('203.0.113.9');
    expect(clientKey('::ffff:cb00:7109')).toBe('203.0.113.9');
  });

  it('leaves anything else alone (it is only a key)', () => {
    expect(clientKey('unknown')).toBe('unknown');
    expect(clientKey('')).toBe('unknown');
    expect(clientKey(undefined)).toBe('unknown');
  });
});
