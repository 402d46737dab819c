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
  #email: DeliveryChannel | undefined;
  readonly #others = new Map<string, DeliveryChannel>();

  constructor(private readonly context: ChannelContext) {}

  get(config: ChannelConfig | undefined): DeliveryChannel {
    const c = config ?? { type: 'email' };
    if (c.type === 'email') {
      if (!this.context.smtp)
        throw new VitrinaError('CONFIG_INVALID', 'e-mail deliveries need an "smtp" block in the config', { pointer: '/smtp' });
      this.#email ??= createEmailChannel(this.context.smtp, this.context.env);
      return this.#email;
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
    this.#email?.close?.();
    for (const c of this.#others.values()) c.close?.();
  }
}
