/**
 * @module Recipients checked against the state store's users when the scheduler starts (and by
 * `vitrina schedule list`): a misspelt user name is said at once, with its config pointer, rather
 * than at the first slot. Deliveries to it still fail with the same reason if nobody fixes it.
 */
import { VitrinaError } from '../../errors/index.js';
import type { Project } from '../../project/open-project.js';
import { resolveRecipient, type UserDirectory } from './recipients.js';

export async function recipientProblems(project: Project, users: UserDirectory): Promise<VitrinaError[]> {
  const problems: VitrinaError[] = [];
  const check = async (pointer: string, recipient: Parameters<typeof resolveRecipient>[0]) => {
    try {
      const resolved = await resolveRecipient(recipient, users);
      if (!resolved.address && pointer.includes('/recipients/') && !isOtherChannel(project, pointer))
        problems.push(
          new VitrinaError('CONFIG_INVALID', `recipient '${resolved.key}' has no e-mail address`, {
            file: project.file,
            pointer,
            ...project.locate(pointer),
            hint: 'give the user an "email" attribute, or write { "user": …, "address": … }',
          }),
        );
    } catch (error) {
      const e = error as VitrinaError;
      problems.push(
        new VitrinaError(e.code ?? 'CONFIG_INVALID', e.message, { file: project.file, pointer, ...project.locate(pointer), hint: e.hint }),
      );
    }
  };
  for (const list of ['schedules', 'alerts'] as const)
    for (const [i, item] of (project.config[list] ?? []).entries())
      for (const [j, r] of (item.recipients ?? []).entries()) await check(`/${list}/${i}/recipients/${j}`, r);
  for (const [i, t] of (project.config.tasks ?? []).entries()) if (t.escalateTo) await check(`/tasks/${i}/escalateTo`, t.escalateTo);
  return problems;
}

function isOtherChannel(project: Project, pointer: string): boolean {
  const [, list, index] = pointer.split('/');
  const item = (list === 'schedules' ? project.config.schedules : project.config.alerts)?.[Number(index)];
  return (item?.channel?.type ?? 'email') !== 'email';
}
