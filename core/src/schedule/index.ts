/**
 * @module `@vitrina/core/schedule`: scheduled reports, alerts and control tasks — channels
 * (e-mail, folder, webhook), the delivery log, the scheduler `serve` runs, and the APIs the CLI
 * and the server call. Loaded only by them: nodemailer and croner stay out of the engine.
 */
export { ChannelSet } from './channels/create-channel.js';
export {
  type Attachment,
  asDeliveryError,
  type DeliveryChannel,
  DeliveryError,
  type OutgoingMessage,
} from './channels/delivery-channel.js';
export { createEmailChannel } from './channels/email-channel.js';
export { createFolderChannel } from './channels/folder-channel.js';
export { createWebhookChannel, signBody } from './channels/webhook-channel.js';
export { scheduleConfigProblems } from './config-problems.js';
export { cronProblem, latestSlot, nextSlot, slotsBetween } from './cron-slots.js';
export type * from './schedule-types.js';
export { type Delivery, type DeliveryEntry, DeliveryLog, deliveryId } from './store/delivery-log.js';
export { scheduleMigration } from './store/schedule-migration.js';
export type * from './store/schedule-tables.js';
