/** @module What every job kind needs: the project, the log, the users, the channels and the printer. */
import type { Project } from '../../project/open-project.js';
import type { BrowserPool } from '../../render/pdf/browser-pool.js';
import type { ChannelSet } from '../channels/create-channel.js';
import type { UserDirectory } from '../delivery/recipients.js';
import type { DeliveryLog } from '../store/delivery-log.js';

export interface JobContext {
  project: Project;
  deliveries: DeliveryLog;
  users: UserDirectory;
  channels: ChannelSet;
  /** The warm Chromium pool, created on the first PDF. */
  printer: () => BrowserPool;
}

/** The zone of a job's cron fields: its own, else the project's. */
export function zoneOf(project: Project, item: { timezone?: string }): string {
  return item.timezone ?? project.config.timezone ?? 'UTC';
}
