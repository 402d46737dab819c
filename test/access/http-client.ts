/**
 * @module A tiny HTTP client with a cookie jar for tests over real sockets: log in through the
 * form like a browser, then call pages and the API with the session cookie.
 */
export interface HttpResponse {
  status: number;
  headers: Headers;
  text: string;
}

export class HttpClient {
  readonly cookies = new Map<string, string>();
  constructor(readonly base: string) {}

  cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  async request(path: string, init: RequestInit & { form?: Record<string, string> } = {}): Promise<HttpResponse> {
    const headers = new Headers(init.headers);
    if (this.cookies.size && !headers.has('cookie')) headers.set('cookie', this.cookieHeader());
    let body = init.body;
    if (init.form) {
      body = new URLSearchParams(init.form).toString();
      headers.set('content-type', 'application/x-www-form-urlencoded');
    }
    const response = await fetch(new URL(path, this.base), { ...init, headers, body, redirect: 'manual' });
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const at = (pair ?? '').indexOf('=');
      const name = (pair ?? '').slice(0, at).trim();
      const value = (pair ?? '').slice(at + 1).trim();
      if (/max-age=0|expires=thu, 01 jan 1970/i.test(line) || value === '') this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    return { status: response.status, headers: response.headers, text: await response.text() };
  }

  get(path: string, headers: Record<string, string> = {}): Promise<HttpResponse> {
    return this.request(path, { headers });
  }

  /** Fetches the login form and submits it; returns the POST's response. */
  async login(username: string, password: string, next = '/'): Promise<HttpResponse> {
    const form = await this.get(`/login?next=${encodeURIComponent(next)}`);
    const token = /name="_csrf" value="([^"]+)"/.exec(form.text)?.[1] ?? '';
    return this.request('/login', { method: 'POST', form: { _csrf: token, next, username, password } });
  }

  /** The CSRF token a page of this session carries (the meta tag or a form field). */
  static csrfFrom(html: string): string | undefined {
    return /name="(?:_csrf|vitrina-csrf)" (?:value|content)="([^"]+)"/.exec(html)?.[1];
  }
}
