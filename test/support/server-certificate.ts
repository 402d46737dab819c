/**
 * @module A self-signed certificate for a test server, so TLS (sslmode require / verify-ca /
 * verify-full) is tested against a real handshake. Made with the `openssl` command when it is
 * installed; without it the servers run without TLS and TLS tests skip with that reason.
 */
import { execFileSync } from 'node:child_process';
import { chmodSync, chownSync, copyFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Writes `server.crt` and `server.key` (owned by the server's user, mode 0600 as PostgreSQL
 * demands) into `dataDir` and returns the certificate's path outside it, to use as the CA file.
 * The certificate names 127.0.0.1 only: verify-full passes for that address and fails for
 * `localhost`, where verify-ca (which skips the name check) passes.
 */
export function createServerCertificate(dir: string, dataDir: string, owner: { uid: number; gid: number } | undefined): string | undefined {
  const ca = join(dir, 'ca.pem');
  const key = join(dir, 'server.key');
  try {
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'ec',
        '-pkeyopt',
        'ec_paramgen_curve:prime256v1',
        '-nodes',
        '-days',
        '3',
        '-subj',
        '/CN=vitrina-test',
        '-addext',
        'subjectAltName=IP:127.0.0.1',
        '-keyout',
        key,
        '-out',
        ca,
      ],
      { stdio: 'ignore' },
    );
  } catch {
    return undefined;
  }
  if (!existsSync(ca)) return undefined;
  for (const [from, to] of [
    [ca, 'server.crt'],
    [key, 'server.key'],
  ] as const) {
    const target = join(dataDir, to);
    copyFileSync(from, target);
    chmodSync(target, 0o600);
    if (owner) chownSync(target, owner.uid, owner.gid);
  }
  return ca;
}
