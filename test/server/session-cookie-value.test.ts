/** The session cookie is read from the Cookie header by name, at a cookie boundary only. */
import { describe, expect, it } from 'vitest';
import { cookieValue } from '../../core/src/server/auth/session-cookie.js';

describe('cookieValue', () => {
  it('finds a cookie by its whole name', () => {
    expect(cookieValue('vitrina_session=abc', 'vitrina_session')).toBe('abc');
    expect(cookieValue('a=1; vitrina_session=abc; b=2', 'vitrina_session')).toBe('abc');
    expect(cookieValue('a=1;vitrina_session=abc', 'vitrina_session')).toBe('abc');
    expect(cookieValue('vitrina_session="abc"', 'vitrina_session')).toBe('abc');
  });

  it('does not take a cookie whose name merely ends with it', () => {
    expect(cookieValue('__Host-vitrina_session=abc', 'vitrina_session')).toBeUndefined();
    expect(cookieValue('xvitrina_session=abc; vitrina_session=def', 'vitrina_session')).toBe('def');
    expect(cookieValue('__Host-vitrina_session=abc', '__Host-vitrina_session')).toBe('abc');
    expect(cookieValue(undefined, 'vitrina_session')).toBeUndefined();
    expect(cookieValue('other=1', 'vitrina_session')).toBeUndefined();
  });
});
