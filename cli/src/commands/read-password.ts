/**
 * @module Reads a password without it ever being a command-line argument (which shell history
 * and `ps` would keep): from a silent prompt on a terminal, or from stdin with `--password-stdin`.
 */
import { createInterface } from 'node:readline';
import { VitrinaError } from '@vitrina/core';

export async function readStdin(stream: NodeJS.ReadableStream = process.stdin): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk as Buffer));
  // One trailing newline is how `echo` and files end; it is not part of the password.
  return Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '');
}

function promptHidden(question: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const output = process.stderr;
    const rl = createInterface({ input: process.stdin, output, terminal: true });
    let muted = false;
    // readline echoes what is typed through _writeToOutput; after the question, echo nothing.
    const internal = rl as unknown as { _writeToOutput(text: string): void };
    const write = internal._writeToOutput.bind(rl);
    internal._writeToOutput = (text: string) => {
      if (!muted) write(text);
    };
    rl.question(question, (answer) => {
      rl.close();
      output.write('\n');
      resolve(answer);
    });
    muted = true;
    rl.on('SIGINT', () => {
      rl.close();
      reject(new VitrinaError('USAGE', 'cancelled'));
    });
  });
}

export async function readNewPassword(options: { passwordStdin?: boolean }): Promise<string> {
  if (options.passwordStdin) return readStdin();
  if (!process.stdin.isTTY)
    throw new VitrinaError('USAGE', 'no terminal to ask for the password on', {
      hint: 'pipe it in with --password-stdin, e.g. printf \'%s\' "$PW" | vitrina user add …',
    });
  const first = await promptHidden('Password: ');
  const second = await promptHidden('Repeat password: ');
  if (first !== second) throw new VitrinaError('USAGE', 'the passwords do not match');
  return first;
}
