/**
 * @module The channel contract: one finished message (subject, HTML body, attachments, a JSON
 * payload) handed to e-mail, a folder or a webhook. A channel either returns what it did (for the
 * delivery log) or throws a {@link DeliveryError} that says whether trying again can help.
 */
import { VitrinaError } from '../../errors/index.js';

export interface Attachment {
  filename: string;
  contentType: string;
  content: Buffer;
}

export interface OutgoingMessage {
  /** The delivery log id: webhooks send it so receivers can drop duplicates. */
  id: string;
  kind: 'schedule' | 'alert' | 'task';
  name: string;
  slot: Date;
  /** Recipient key in the log (user name or address), and where mail goes. */
  recipient: string;
  address?: string;
  subject: string;
  html: string;
  text: string;
  /** The dashboard with the same parameters (absolute when `server.publicUrl` is set). */
  link?: string;
  attachments: Attachment[];
  /** Structured content for webhooks: KPIs, parameters, alert values. */
  data: Record<string, unknown>;
}

export interface DeliveryChannel {
  readonly type: 'email' | 'folder' | 'webhook';
  /** Resolves with details for the log (message id, file, HTTP status). */
  send(message: OutgoingMessage, options?: { signal?: AbortSignal }): Promise<Record<string, unknown>>;
  close?(): void;
}

/** A failed delivery. `retryable`: a later attempt may succeed (network, 4xx SMTP, HTTP 5xx). */
export class DeliveryError extends VitrinaError {
  readonly retryable: boolean;
  constructor(message: string, options: { retryable: boolean; cause?: unknown; hint?: string }) {
    super('DELIVERY_FAILED', message, { cause: options.cause, hint: options.hint });
    this.retryable = options.retryable;
  }
}

/** Any error as a delivery error; unknown failures are worth another try. */
export function asDeliveryError(error: unknown): DeliveryError {
  if (error instanceof DeliveryError) return error;
  const retryable =
    !(error instanceof VitrinaError) ||
    ['QUERY_TIMEOUT', 'SOURCE_UNAVAILABLE', 'BUSY', 'RENDER_TIMEOUT', 'STATE_UNAVAILABLE', 'QUERY_FAILED', 'RENDER_FAILED'].includes(
      error.code,
    );
  const message = error instanceof Error ? error.message : String(error);
  return new DeliveryError(message, { retryable, cause: error, hint: error instanceof VitrinaError ? error.hint : undefined });
}
