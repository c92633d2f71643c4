import { isForbiddenAddress, isForbiddenName } from './outbound-addresses';

describe('isForbiddenAddress', () => {
  it.each([
    '127.0.0.1', '127.8.9.10', '0.0.0.0', '10.0.0.5', '172.16.0.1', '172.31.255.255', '192.168.1.1', '169.254.169.254',
    '100.100.100.200', '224.0.0.1', '255.255.255.255', '::1', '::', 'fe80::1', 'fd00:ec2::254', 'fc00::1',
    '::ffff:127.0.0.1', '::ffff:7f00:1', '::ffff:a9fe:a9fe', '[::1]', 'not an address',
  ])('refuses %s', (address) => {
    expect(isForbiddenAddress(address)).toBe(true);
  });

  it.each(['93.184.215.14', '8.8.8.8', '172.32.0.1', '192.169.0.1', '2606:4700:4700::1111', '::ffff:8.8.8.8'])('allows the public address %s', (address) => {
    expect(isForbiddenAddress(address)).toBe(false);
  });
});

describe('isForbiddenName', () => {
  it.each(['localhost', 'LOCALHOST', 'app.localhost', 'metadata.google.internal', 'metadata', 'localhost.'])('refuses %s', (host) => {
    expect(isForbiddenName(host)).toBe(true);
  });

  it('allows ordinary names', () => {
    expect(isForbiddenName('hooks.example.com')).toBe(false);
    expect(isForbiddenName('localhost.example.com')).toBe(false);
  });
});
