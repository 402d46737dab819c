/**
 * Every page of a signed-in session shows who is signed in and a sign-out form carrying the
 * session's CSRF token; submitting it ends the session, and the next page asks to sign in again.
 * A script with an API token gets no form (it has no session to end).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HttpClient } from './http-client.js';
import { PASSWORDS, type SecuredServer, startSecuredServer } from './secured-server.js';

let s: SecuredServer;
beforeAll(async () => {
  s = await startSecuredServer('sqlite');
});
afterAll(async () => s?.dispose());

describe('sign out', () => {
  it('is offered on the index and on dashboards, and ends the session', async () => {
    const client = new HttpClient(s.url);
    expect((await client.login('ceo', PASSWORDS.ceo)).status).toBe(303);
    for (const path of ['/', '/d/sales?period=2026-10']) {
      const page = await client.get(path);
      expect(page.status, path).toBe(200);
      expect(page.text, path).toContain('action="/logout"');
      expect(page.text, path).toContain('<span class="vt-user">ceo</span>');
    }
    const token = /action="\/logout">\s*<input type="hidden" name="_csrf" value="([^"]+)"/.exec((await client.get('/')).text)?.[1];
    expect(token).toBeTruthy();
    const out = await client.request('/logout', { method: 'POST', form: { _csrf: token as string } });
    expect(out.status).toBe(303);
    expect(out.headers.get('location')).toBe('/login');
    const after = await client.get('/');
    expect(after.status).toBe(302);
    expect(after.headers.get('location')).toMatch(/^\/login/);
  });

  it('refuses a sign-out without the CSRF token', async () => {
    const client = new HttpClient(s.url);
    await client.login('head', PASSWORDS.head);
    const forged = await client.request('/logout', { method: 'POST', form: {} });
    expect(forged.status).toBe(403);
    expect((await client.get('/')).status).toBe(200);
  });

  it('shows no sign-out form to an API token', async () => {
    const page = await fetch(`${s.url}/d/sales?period=2026-10`, { headers: s.headers('token') });
    expect(page.status).toBe(200);
    expect(await page.text()).not.toContain('action="/logout"');
  });
});
