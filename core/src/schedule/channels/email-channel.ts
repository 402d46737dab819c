/**
 * @module E-mail over SMTP with nodemailer: one message per recipient (each gets their own
 * scope), HTML body plus a plain-text part, the report attached. The SMTP password comes only
 * from the environment. A 5xx reply (rejected recipient, bad credentials) is final; refused
 * connections, timeouts and 4xx replies are retried.
 */
import { createTransport, type Transporter } from 'nodemailer';
import { VitrinaError } from '../../errors/index.js';
import type { SmtpConfig } from '../schedule-types.js';
import { type DeliveryChannel, DeliveryError, type OutgoingMessage } from './delivery-channel.js';

interface SmtpFailure {
  code?: string;
  responseCode?: number;
  response?: string;
  message: string;
}

function classify(error: unknown, smtp: SmtpConfig, to: string): DeliveryError {
  const e = error as SmtpFailure;
  const where = `${smtp.host}:${smtp.port ?? 587}`;
  if (typeof e.responseCode === 'number' && e.responseCode >= 500) {
    const rejected = e.code === 'EENVELOPE';
    return new DeliveryError(
      `the SMTP server ${where} refused ${rejected ? `recipient ${to}` : 'the message'}: ${e.response ?? e.message}`,
      {
        retryable: false,
        cause: error,
        hint: e.code === 'EAUTH' ? 'check smtp.user and the password variable' : rejected ? 'check the address' : undefined,
      },
    );
  }
  const unreachable = ['ECONNECTION', 'ETIMEDOUT', 'ESOCKET', 'EDNS'].includes(e.code ?? '');
  return new DeliveryError(`sending to ${to} through ${where} failed: ${e.message}`, {
    retryable: true,
    cause: error,
    hint: unreachable ? 'the SMTP server is unreachable: check smtp.host and smtp.port; the delivery will be retried' : undefined,
  });
}

export function createEmailChannel(smtp: SmtpConfig, env: NodeJS.ProcessEnv = process.env): DeliveryChannel {
  let password: string | undefined;
  if (smtp.password) {
    password = env[smtp.password.env];
    if (password === undefined)
      throw new VitrinaError('SECRET_MISSING', `environment variable ${smtp.password.env} (the SMTP password) is not set`, {
        pointer: '/smtp/password',
        hint: `export ${smtp.password.env}=… before starting Vitrina`,
      });
  }
  const timeout = (smtp.timeoutSeconds ?? 30) * 1000;
  const transport: Transporter = createTransport({
    host: smtp.host,
    port: smtp.port ?? (smtp.secure ? 465 : 587),
    secure: smtp.secure ?? false,
    ...(smtp.user ? { auth: { user: smtp.user, pass: password ?? '' } } : {}),
    connectionTimeout: timeout,
    greetingTimeout: timeout,
    socketTimeout: timeout,
  });
  return {
    type: 'email',
    async send(message: OutgoingMessage) {
      const to = message.address;
      if (!to)
        throw new DeliveryError(`recipient '${message.recipient}' has no e-mail address`, {
          retryable: false,
          hint: 'give the user an "email" attribute, or write the address in the recipient',
        });
      try {
        const info = await transport.sendMail({
          from: smtp.from,
          to,
          subject: message.subject,
          html: message.html,
          text: message.text,
          attachments: message.attachments.map((a) => ({ filename: a.filename, content: a.content, contentType: a.contentType })),
          headers: { 'X-Vitrina-Delivery': message.id },
        });
        if (info.rejected?.length)
          throw Object.assign(new Error(`rejected: ${info.rejected.join(', ')}`), { code: 'EENVELOPE', responseCode: 550 });
        return { messageId: info.messageId, to, response: info.response };
      } catch (error) {
        throw classify(error, smtp, to);
      }
    },
    close() {
      transport.close();
    },
  };
}
