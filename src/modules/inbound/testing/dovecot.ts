// Tests only: Debian's dovecot (dovecot-imapd) as a real IMAP server, on a free port with its own temp config,
// mail directory and passwd-file user (plaintext password, no TLS), started with `dovecot -c` and stopped after.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort } from '../../mail/testing/smtp-receiver';

export interface Dovecot {
  port: number;
  user: string;
  password: string;
  url: string;
  stop(): Promise<void>;
}

/** The dovecot binary, or null when dovecot-imapd is not installed. */
export function dovecotBinary(): string | null {
  const found = spawnSync('sh', ['-c', 'command -v dovecot'], { encoding: 'utf8' });
  return found.status === 0 ? found.stdout.trim() : null;
}

const idOf = (flag: '-u' | '-g', name?: string) => Number(execFileSync('id', name ? [flag, name] : [flag], { encoding: 'utf8' }).trim());
const nameOf = (flag: '-un' | '-gn') => execFileSync('id', [flag], { encoding: 'utf8' }).trim();

export async function startDovecot(): Promise<Dovecot> {
  const binary = dovecotBinary();
  if (!binary) throw new Error('dovecot is not installed (apt-get install dovecot-imapd)');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aurora-dovecot-'));
  fs.chmodSync(dir, 0o755);
  for (const sub of ['run', 'state', 'mail', 'home']) fs.mkdirSync(path.join(dir, sub));
  const port = await freePort();
  const user = 'support';
  const password = 'inbound-test-password';
  // Run as the current user; as root, dovecot refuses root for its login processes and for mail, so its own
  // unprivileged users (created by the Debian package) take those parts.
  const root = process.getuid?.() === 0;
  const internal = root ? { user: 'dovecot', group: 'dovecot' } : { user: nameOf('-un'), group: nameOf('-gn') };
  const loginUser = root ? 'dovenull' : internal.user;
  const uid = root ? idOf('-u', 'dovecot') : idOf('-u');
  const gid = root ? idOf('-g', 'dovecot') : idOf('-g');
  if (root) for (const sub of ['mail', 'home']) fs.chownSync(path.join(dir, sub), uid, gid);
  fs.writeFileSync(path.join(dir, 'passwd'), `${user}:{PLAIN}${password}::::::\n`);
  const conf = path.join(dir, 'dovecot.conf');
  fs.writeFileSync(
    conf,
    `base_dir = ${dir}/run
state_dir = ${dir}/state
log_path = ${dir}/dovecot.log
protocols = imap
listen = 127.0.0.1
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain login
mail_location = maildir:${dir}/mail/%u
default_internal_user = ${internal.user}
default_internal_group = ${internal.group}
default_login_user = ${loginUser}
first_valid_uid = ${uid}
first_valid_gid = ${gid}
passdb {
  driver = passwd-file
  args = scheme=PLAIN username_format=%u ${dir}/passwd
}
userdb {
  driver = static
  args = uid=${uid} gid=${gid} home=${dir}/home/%u
}
service imap-login {
  chroot =
  inet_listener imap {
    address = 127.0.0.1
    port = ${port}
  }
  inet_listener imaps {
    port = 0
  }
}
service anvil {
  chroot =
}
service stats {
  inet_listener http {
    port = 0
  }
}
`,
  );
  // The master daemonizes: its stdio must not be our pipes, or this call would wait for it to exit.
  execFileSync(binary, ['-c', conf], { stdio: 'ignore' });
  // The master forks its listeners: wait until the port answers (bounded).
  const { default: net } = await import('node:net');
  for (let i = 0; i < 50; i++) {
    const open = await new Promise<boolean>((resolve) => {
      const socket = net.connect(port, '127.0.0.1', () => (socket.destroy(), resolve(true)));
      socket.on('error', () => resolve(false));
    });
    if (open) break;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    port,
    user,
    password,
    url: `imap://${user}:${password}@127.0.0.1:${port}/INBOX`,
    async stop() {
      spawnSync(binary, ['-c', conf, 'stop'], { stdio: 'ignore' });
      for (let i = 0; i < 50 && fs.existsSync(path.join(dir, 'run', 'master.pid')); i++) await new Promise((resolve) => setTimeout(resolve, 100));
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
