/**
 * Delivery channels against real receivers: an in-process SMTP server, an HTTP server, a folder.
 * Failures must say whether a retry can help.
 */
import { createHmac } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { OutgoingMessage } from '@vitrina/core/schedule';
import { createEmailChannel, createFolderChannel, createWebhookChannel, DeliveryError } from '@vitrina/core/schedule';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SmtpSink, startSmtpSink } from '../support/smtp-sink.js';

const PDF = Buffer.from('%PDF-1.4\n%âãÏÓ\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n', 'latin1');

function message(over: Partial<OutgoingMessage> = {}): OutgoingMessage {
  return {
    id: 'schedule:weekly:1764489600000:ivanov',
    kind: 'schedule',
    name: 'weekly',
    slot: new Date('2026-11-30T06:00:00Z'),
    recipient: 'ivanov',
    address: 'ivanov@example.com',
    subject: 'Выручка за ноябрь',
    html: '<p>Выручка: <b>1 234 567 ₽</b></p>',
    text: 'Выручка: 1 234 567 ₽',
    link: 'https://bi.example.com/d/sales?period=2026-11-01..2026-11-30',
    attachments: [{ filename: 'sales.pdf', contentType: 'application/pdf', content: PDF }],
    data: { kpis: [{ panel: 'revenue', value: 1234567 }] },
    ...over,
  };
}

async function expectFailure(promise: Promise<unknown>, retryable: boolean, text: RegExp): Promise<DeliveryError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DeliveryError);
  const failure = error as DeliveryError;
  expect(failure.retryable).toBe(retryable);
  expect(failure.message).toMatch(text);
  return failure;
}

describe('e-mail channel', () => {
  let sink: SmtpSink;
  beforeAll(async () => {
    sink = await startSmtpSink();
  });
  afterAll(() => sink.close());

  it('sends one message per recipient with the HTML body, text part and the attachment bytes', async () => {
    const channel = createEmailChannel(
      { host: '127.0.0.1', port: sink.port, from: 'Vitrina <reports@example.com>', user: 'vitrina', password: { env: 'SMTP_PW' } },
      { SMTP_PW: 'secret' },
    );
    const detail = await channel.send(message());
    channel.close?.();
    expect(detail.to).toBe('ivanov@example.com');
    expect(sink.logins).toContain('vitrina:secret');
    const mail = sink.mails.at(-1);
    expect(mail?.to).toEqual(['ivanov@example.com']);
    expect(mail?.from).toBe('reports@example.com');
    expect(mail?.subject).toBe('Выручка за ноябрь');
    expect(mail?.html).toContain('1 234 567 ₽');
    expect(mail?.text).toContain('1 234 567 ₽');
    expect(mail?.headers['x-vitrina-delivery']).toBe('schedule:weekly:1764489600000:ivanov');
    expect(mail?.attachments).toHaveLength(1);
    expect(mail?.attachments[0]?.contentType).toBe('application/pdf');
    expect(mail?.attachments[0]?.filename).toBe('sales.pdf');
    expect(mail?.attachments[0]?.content.equals(PDF)).toBe(true);
  });

  it('a rejected recipient is a final failure naming the address', async () => {
    sink.reject.add('nobody@example.com');
    const channel = createEmailChannel({ host: '127.0.0.1', port: sink.port, from: 'reports@example.com' });
    await expectFailure(
      channel.send(message({ address: 'nobody@example.com' })),
      false,
      /refused recipient nobody@example\.com.*550|550.*nobody/s,
    );
    channel.close?.();
  });

  it('an unreachable server is a retryable failure', async () => {
    const closed = await startSmtpSink();
    const port = closed.port;
    await closed.close();
    const channel = createEmailChannel({ host: '127.0.0.1', port, from: 'reports@example.com', timeoutSeconds: 2 });
    const failure = await expectFailure(channel.send(message()), true, new RegExp(`127\\.0\\.0\\.1:${port}`));
    expect(failure.hint).toMatch(/unreachable/);
    channel.close?.();
  });

  it('a missing password variable is a clear config error at start-up', () => {
    expect(() => createEmailChannel({ host: 'x', from: 'a@b.c', user: 'u', password: { env: 'NO_SUCH_VAR_FOR_SMTP' } }, {})).toThrow(
      /NO_SUCH_VAR_FOR_SMTP/,
    );
  });

  it('a recipient without an address is a final failure, never a silent success', async () => {
    const channel = createEmailChannel({ host: '127.0.0.1', port: sink.port, from: 'reports@example.com' });
    await expectFailure(channel.send(message({ address: undefined })), false, /no e-mail address/);
    channel.close?.();
  });
});

describe('webhook channel', () => {
  let server: Server;
  let url = '';
  const received: { headers: Record<string, string | string[] | undefined>; body: string }[] = [];
  let mode: 'ok' | '500' | 'hang' | '400' = 'ok';
  beforeAll(async () => {
    server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        received.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
        if (mode === 'hang') return;
        res.statusCode = mode === 'ok' ? 204 : Number(mode);
        res.end(mode === '500' ? 'database is down' : '');
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  it('POSTs JSON signed with HMAC-SHA256 over the exact body', async () => {
    mode = 'ok';
    const channel = createWebhookChannel({ url, secret: { env: 'HOOK_SECRET' } }, { HOOK_SECRET: 'k3y' });
    expect(await channel.send(message())).toMatchObject({ status: 204 });
    const last = received.at(-1);
    const expected = `sha256=${createHmac('sha256', 'k3y')
      .update(last?.body ?? '')
      .digest('hex')}`;
    expect(last?.headers['x-vitrina-signature']).toBe(expected);
    expect(last?.headers['content-type']).toBe('application/json');
    const body = JSON.parse(last?.body ?? '{}');
    expect(body).toMatchObject({ kind: 'schedule', name: 'weekly', recipient: 'ivanov', data: { kpis: [{ value: 1234567 }] } });
    expect(Buffer.from(body.attachments[0].base64, 'base64').equals(PDF)).toBe(true);
  });

  it('a 500 is retryable and quotes the answer', async () => {
    mode = '500';
    const channel = createWebhookChannel({ url });
    await expectFailure(channel.send(message()), true, /answered 500: database is down/);
  });

  it('a 400 is final', async () => {
    mode = '400';
    await expectFailure(createWebhookChannel({ url }).send(message()), false, /answered 400/);
  });

  it('a hanging receiver is cut off by the timeout and retried later', async () => {
    mode = 'hang';
    const started = Date.now();
    await expectFailure(createWebhookChannel({ url, timeoutSeconds: 0.5 }).send(message()), true, /did not answer within 500 ms/);
    expect(Date.now() - started).toBeLessThan(5000);
  });
});

describe('folder channel', () => {
  it('writes each attachment atomically under the schedule, slot and recipient', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vitrina-folder-'));
    try {
      const detail = await createFolderChannel('out', dir).send(message());
      const files = detail.files as string[];
      expect(files).toHaveLength(1);
      expect(files[0]).toBe(join(dir, 'out', 'weekly', '2026-11-30T0600Z-ivanov-sales.pdf'));
      expect(readFileSync(files[0] as string).equals(PDF)).toBe(true);
      // No temporary file left behind.
      expect(readdirSync(join(dir, 'out', 'weekly'))).toEqual(['2026-11-30T0600Z-ivanov-sales.pdf']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('an unwritable folder is a retryable failure naming it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vitrina-folder-'));
    try {
      // A file where the folder should be.
      const blocker = join(dir, 'blocked');
      writeFileSync(blocker, 'not a folder');
      await expectFailure(createFolderChannel('blocked', dir).send(message()), true, /cannot write to/);
      expect(existsSync(join(blocker, 'weekly'))).toBe(false);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
