/** @module A channel from its config block; e-mail transports are shared per SMTP config. */
import { VitrinaError } from '../../errors/index.js';
import type { ChannelConfig, SmtpConfig } from '../schedule-types.js';
import type { DeliveryChannel } from './delivery-channel.js';
import { createEmailChannel } from './email-channel.js';
import { createFolderChannel } from './folder-channel.js';
import { createWebhookChannel } from './webhook-channel.js';

export interface ChannelContext {
  smtp?: SmtpConfig;
  projectDir: string;
  env?: NodeJS.ProcessEnv;
}

export class ChannelSet {
  #email: { key: string; channel: DeliveryChannel } | undefined;
  readonly #others = new Map<string, DeliveryChannel>();

  constructor(private readonly context: ChannelContext) {}

  get(config: ChannelConfig | undefined): DeliveryChannel {
    const c = config ?? { type: 'email' };
    if (c.type === 'email') {
      if (!this.context.smtp)
        throw new VitrinaError('CONFIG_INVALID', 'e-mail deliveries need an "smtp" block in the config', { pointer: '/smtp' });
      // A config reload may change the SMTP settings: a new transport for new settings.
      const key = JSON.stringify(this.context.smtp);
      if (this.#email?.key !== key) {
        this.#email?.channel.close?.();
        this.#email = { key, channel: createEmailChannel(this.context.smtp, this.context.env) };
      }
      return this.#email.channel;
    }
    const key = JSON.stringify(c);
    let channel = this.#others.get(key);
    if (!channel) {
      channel = c.type === 'folder' ? createFolderChannel(c.path, this.context.projectDir) : createWebhookChannel(c, this.context.env);
      this.#others.set(key, channel);
    }
    return channel;
  }

  close(): void {
    this.#email?.channel.close?.();
    for (const c of this.#others.values()) c.close?.();
  }
}
