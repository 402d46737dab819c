/**
 * @module Deliveries as a JSON POST. The body is signed with HMAC-SHA256 over its exact bytes
 * (`X-Vitrina-Signature: sha256=<hex>`, secret from the environment) so the receiver can tell it
 * came from us; `X-Vitrina-Delivery` lets it drop a retried duplicate. A hanging receiver is cut
 * off by the timeout; 5xx and 429 are retried, other 4xx are final.
 */
import { createHmac } from 'node:crypto';
import { VitrinaError } from '../../errors/index.js';
import type { EnvRef } from '../schedule-types.js';
import { type DeliveryChannel, DeliveryError, type OutgoingMessage } from './delivery-channel.js';

export interface WebhookOptions {
  url: string;
  secret?: EnvRef;
  /** Default 10. */
  timeoutSeconds?: number;
}

export function signBody(body: string, secret: string): string {
  return `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
}

export function webhookBody(message: OutgoingMessage): string {
  return JSON.stringify({
    id: message.id,
    kind: message.kind,
    name: message.name,
    slot: message.slot.toISOString(),
    recipient: message.recipient,
    subject: message.subject,
    link: message.link ?? null,
    data: message.data,
    attachments: message.attachments.map((a) => ({
      filename: a.filename,
      contentType: a.contentType,
      size: a.content.length,
      base64: a.content.toString('base64'),
    })),
  });
}

export function createWebhookChannel(options: WebhookOptions, env: NodeJS.ProcessEnv = process.env): DeliveryChannel {
  let secret: string | undefined;
  if (options.secret) {
    secret = env[options.secret.env];
    if (secret === undefined)
      throw new VitrinaError('SECRET_MISSING', `environment variable ${options.secret.env} (the webhook secret) is not set`, {
        hint: `export ${options.secret.env}=… before starting Vitrina`,
      });
  }
  const timeoutMs = (options.timeoutSeconds ?? 10) * 1000;
  const target = new URL(options.url);
  const shown = `${target.origin}${target.pathname}`;
  return {
    type: 'webhook',
    async send(message: OutgoingMessage, { signal } = {}) {
      const body = webhookBody(message);
      const headers: Record<string, string> = {
        'content-type': 'application/json',
        'x-vitrina-delivery': message.id,
        'user-agent': 'Vitrina',
      };
      if (secret !== undefined) headers['x-vitrina-signature'] = signBody(body, secret);
      const timeout = AbortSignal.timeout(timeoutMs);
      let response: Response;
      try {
        response = await fetch(options.url, {
          method: 'POST',
          headers,
          body,
          signal: signal ? AbortSignal.any([signal, timeout]) : timeout,
        });
        // Read the body so the connection is released; its text helps in the log.
        const text = (await response.text()).slice(0, 200);
        if (response.ok) return { status: response.status, url: shown };
        const retryable = response.status >= 500 || response.status === 429 || response.status === 408;
        throw new DeliveryError(`the webhook ${shown} answered ${response.status}${text ? `: ${text}` : ''}`, { retryable });
      } catch (error) {
        if (error instanceof DeliveryError) throw error;
        const timedOut = timeout.aborted;
        throw new DeliveryError(
          timedOut
            ? `the webhook ${shown} did not answer within ${timeoutMs} ms`
            : `the webhook ${shown} is unreachable: ${(error as Error).message}`,
          { retryable: true, cause: error },
        );
      }
    },
  };
}
