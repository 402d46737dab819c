/**
 * @module `@vitrina/core/schedule`: scheduled reports, alerts and control tasks — channels
 * (e-mail, folder, webhook), the delivery log, the scheduler `serve` runs, and the APIs the CLI
 * and the server call. Loaded only by them: nodemailer and croner stay out of the engine.
 */

export { activeAlerts } from './alerts/active-alerts.js';
export { EVALUATE, evaluateAndRecord, findAlert } from './alerts/alert-jobs.js';
export { alertClearedMessage, alertLink } from './alerts/alert-message.js';
export { alertInScope, alertPanels } from './alerts/alert-panels.js';
export { type ActiveAlert, type AlertState, AlertStates } from './alerts/alert-states.js';
export { type AlertReading, evaluateAlert } from './alerts/evaluate-alert.js';
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
export { dashboardLink, publicUrl } from './delivery/dashboard-link.js';
export { type HeadlineKpi, headlineKpis } from './delivery/headline-kpis.js';
export {
  type DirectoryUser,
  type ResolvedRecipient,
  recipientKey,
  resolveRecipient,
  stateUserDirectory,
  type UserDirectory,
} from './delivery/recipients.js';
export { type ReferenceProblem, scheduleReferenceProblems } from './reference-problems.js';
export type * from './schedule-types.js';
export type { JobContext } from './scheduler/job-context.js';
export { DEFAULT_RETRY, nextAttempt } from './scheduler/retry-policy.js';
export { deliverSchedule, EVERYONE, findSchedule, runScheduleNow, scheduleJobs } from './scheduler/schedule-jobs.js';
export { type AttemptOutcome, type JobKind, Scheduler, type SchedulerLog } from './scheduler/scheduler.js';
export { planSlots } from './scheduler/slot-plan.js';
export { openScheduler, type RunningScheduler, type SchedulerStartOptions, startScheduler } from './start-scheduler.js';
export { type Delivery, type DeliveryEntry, DeliveryLog, deliveryId } from './store/delivery-log.js';
export { openScheduleDatabase, type ScheduleDatabase } from './store/open-schedule-store.js';
export { scheduleMigration } from './store/schedule-migration.js';
export type * from './store/schedule-tables.js';
export {
  closeTask,
  mayCloseTask,
  maySeeTask,
  type TaskActor,
  type TaskBoard,
  type TaskItem,
  taskBoard,
} from './tasks/task-board.js';
export { findTask, taskJobs } from './tasks/task-jobs.js';
export { type OwnerSummary, summarise, TaskList, type TaskStatus, type TaskView, taskId } from './tasks/task-list.js';
