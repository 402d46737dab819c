/**
 * @module Deliveries as files in a folder (a shared drive, an archive): each attachment written
 * to a temporary name and renamed, so a reader never sees half a PDF. Files are named after the
 * schedule, the slot and the recipient, so a re-run of a slot overwrites rather than piles up.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { type DeliveryChannel, DeliveryError, type OutgoingMessage } from './delivery-channel.js';

/** `2026-11-30T0900Z`: sortable, and safe on every file system. */
export function slotStamp(slot: Date): string {
  return `${slot.toISOString().slice(0, 16).replace(/:/g, '')}Z`;
}

export function safeName(text: string): string {
  return text.replace(/[^\p{L}\p{N}._@-]+/gu, '_').slice(0, 80);
}

export function createFolderChannel(folder: string, projectDir: string): DeliveryChannel {
  const root = resolve(projectDir, folder);
  return {
    type: 'folder',
    async send(message: OutgoingMessage) {
      const dir = join(root, safeName(message.name));
      const files: string[] = [];
      try {
        mkdirSync(dir, { recursive: true });
        for (const a of message.attachments) {
          // A delivery for everyone (no recipients) needs no recipient in its name.
          const who = message.recipient === '*' ? '' : `-${safeName(message.recipient)}`;
          const file = join(dir, `${slotStamp(message.slot)}${who}-${safeName(a.filename)}`);
          const temp = join(dir, `.${randomBytes(6).toString('hex')}.tmp`);
          try {
            writeFileSync(temp, a.content);
            renameSync(temp, file);
          } finally {
            rmSync(temp, { force: true });
          }
          files.push(file);
        }
        return { files };
      } catch (error) {
        throw new DeliveryError(`cannot write to ${dir}: ${(error as Error).message}`, {
          retryable: true,
          cause: error,
          hint: 'check that the folder exists and Vitrina may write there',
        });
      }
    },
  };
}
