/**
 * @module Throwaway PostgreSQL servers from the installed binaries (initdb + pg_ctl, ~1.5 s).
 * PostgreSQL refuses to run as root, so as root every server command runs as the `postgres` OS
 * user, on folders it owns.
 */
import { execFile, execFileSync } from 'node:child_process';
import { appendFileSync, chownSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { createServerCertificate } from './server-certificate.js';

const run = promisify(execFile);
const SUPERUSER = 'postgres';

/** `VITRINA_TEST_PG_BIN`, else the newest `/usr/lib/postgresql/<version>/bin` (Debian's layout). */
export function findPostgresBin(): string | undefined {
  const fromEnv = process.env.VITRINA_TEST_PG_BIN;
  if (fromEnv) return existsSync(join(fromEnv, 'initdb')) ? fromEnv : undefined;
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return undefined;
  const versions = readdirSync(root)
    .filter((v) => existsSync(join(root, v, 'bin', 'initdb')))
    .sort((a, b) => Number(b) - Number(a));
  return versions[0] === undefined ? undefined : join(root, versions[0], 'bin');
}

const asRoot = process.getuid?.() === 0;

/** The owner of every server file: the `postgres` user as root, else whoever runs the tests. */
function serverOwner(): { uid: number; gid: number } | undefined {
  if (!asRoot) return undefined;
  const id = (flag: string) => Number(execFileSync('id', [flag, SUPERUSER], { encoding: 'utf8' }).trim());
  return { uid: id('-u'), gid: id('-g') };
}

/** Runs a server binary, as the `postgres` user when we are root. */
async function runServerTool(binDir: string, tool: string, args: string[]): Promise<void> {
  const [file, argv] = asRoot ? ['runuser', ['-u', SUPERUSER, '--', join(binDir, tool), ...args]] : [join(binDir, tool), args];
  try {
    await run(file, argv, { cwd: tmpdir(), timeout: 60_000 });
  } catch (error) {
    const e = error as { stderr?: string; stdout?: string; message: string };
    throw new Error(`${tool} ${args[0] ?? ''} failed: ${e.stderr || e.stdout || e.message}`, { cause: error });
  }
}

function ownedDir(path: string): string {
  mkdirSync(path, { recursive: true });
  const owner = serverOwner();
  if (owner) chownSync(path, owner.uid, owner.gid);
  return path;
}

/** A folder the `postgres` user may write to, under the system temp dir. */
export function makeScratchDir(prefix: string, parent = tmpdir()): string {
  return ownedDir(mkdtempSync(join(parent, prefix)));
}

/**
 * initdb with the superuser's password (SCRAM over TCP), trust on the unix socket, and settings
 * that trade durability for speed: the data is thrown away anyway.
 */
async function initCluster(binDir: string, dir: string, password: string): Promise<string | undefined> {
  const pwfile = join(dir, 'pwfile');
  writeFileSync(pwfile, password, { mode: 0o600 });
  const owner = serverOwner();
  if (owner) chownSync(pwfile, owner.uid, owner.gid);
  const args = ['-D', join(dir, 'data'), '-U', SUPERUSER, `--pwfile=${pwfile}`, '--auth-local=trust', '--auth-host=scram-sha-256'];
  await runServerTool(binDir, 'initdb', [...args, '-E', 'UTF8', '--no-locale', '--no-sync']);
  rmSync(pwfile);
  const caFile = createServerCertificate(dir, join(dir, 'data'), owner);
  appendFileSync(
    join(dir, 'data', 'postgresql.auto.conf'),
    [
      "listen_addresses = '127.0.0.1'",
      `unix_socket_directories = '${join(dir, 'socket')}'`,
      'fsync = off',
      'synchronous_commit = off',
      'full_page_writes = off',
      'max_connections = 300',
      "log_min_messages = 'warning'",
      `ssl = ${caFile ? 'on' : 'off'}`,
      '',
    ].join('\n'),
  );
  return caFile;
}

/** A TCP port nobody listens on right now. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** One throwaway server: its own data folder, unix-socket folder and TCP port. */
export class LocalPostgres {
  readonly dir: string;
  readonly port: number;
  /** The server's self-signed certificate (TLS is on), or undefined without `openssl`. */
  readonly caFile: string | undefined;
  readonly #binDir: string;
  readonly #password: string;

  private constructor(dir: string, port: number, caFile: string | undefined, binDir: string, password: string) {
    this.dir = dir;
    this.port = port;
    this.caFile = caFile;
    this.#binDir = binDir;
    this.#password = password;
  }

  /** A new cluster on a free port (retrying if another process took the port first), started. */
  static async start(options: { binDir: string; password: string; parent?: string }): Promise<LocalPostgres> {
    const dir = makeScratchDir('server-', options.parent);
    ownedDir(join(dir, 'socket'));
    const caFile = await initCluster(options.binDir, dir, options.password);
    for (let attempt = 1; ; attempt++) {
      const server = new LocalPostgres(dir, await freePort(), caFile, options.binDir, options.password);
      // The last `port` line wins, so a retry simply appends another.
      appendFileSync(join(dir, 'data', 'postgresql.auto.conf'), `port = ${server.port}\n`);
      try {
        await server.startServer();
        return server;
      } catch (error) {
        if (attempt >= 3) throw error;
      }
    }
  }

  /** Superuser URL over TCP with the password, like a real deployment. */
  get adminUrl(): string {
    return `postgres://${SUPERUSER}:${encodeURIComponent(this.#password)}@127.0.0.1:${this.port}/postgres`;
  }

  get socketDir(): string {
    return join(this.dir, 'socket');
  }

  async startServer(): Promise<void> {
    await runServerTool(this.#binDir, 'pg_ctl', [
      'start',
      '-D',
      join(this.dir, 'data'),
      '-l',
      join(this.dir, 'server.log'),
      '-w',
      '-t',
      '60',
    ]);
  }

  /** `fast` ends every session with an error, as a real restart does; `immediate` is for teardown. */
  async stopServer(mode: 'fast' | 'immediate' = 'fast'): Promise<void> {
    await runServerTool(this.#binDir, 'pg_ctl', ['stop', '-D', join(this.dir, 'data'), '-m', mode, '-w', '-t', '60']);
  }

  get running(): boolean {
    return existsSync(join(this.dir, 'data', 'postmaster.pid'));
  }

  async destroy(): Promise<void> {
    if (this.running) await this.stopServer('immediate').catch(() => {});
    rmSync(this.dir, { recursive: true, force: true });
  }
}

/**
 * Last resort for an interrupted run: stops every server still running under `root`
 * synchronously (usable from a process 'exit' handler) and removes the folder.
 */
export function stopAllSync(binDir: string, root: string): void {
  if (!existsSync(root)) return;
  for (const entry of readdirSync(root)) {
    const data = join(root, entry, 'data');
    if (!existsSync(join(data, 'postmaster.pid'))) continue;
    const argv = ['stop', '-D', data, '-m', 'immediate', '-w'];
    try {
      if (asRoot) execFileSync('runuser', ['-u', SUPERUSER, '--', join(binDir, 'pg_ctl'), ...argv], { stdio: 'ignore', cwd: tmpdir() });
      else execFileSync(join(binDir, 'pg_ctl'), argv, { stdio: 'ignore' });
    } catch {
      // already gone
    }
  }
  rmSync(root, { recursive: true, force: true });
}
