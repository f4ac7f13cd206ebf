// `aurora users ...`: staff accounts from the command line (P8). Prompt-free, so it works in scripts.
import type { StaffRole } from '../db/schema';
import type { Db } from '../db/connection';
import { createStaffService, STAFF_ROLES } from '../modules/staff/service';
import { removeDemoStaff } from '../modules/staff/demo';

interface Io {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
}

export const USERS_USAGE = `Usage:
  aurora users list
  aurora users add --email E --name N --role agent|admin [--password P]
  aurora users disable E
  aurora users enable E
  aurora users reset-password E [--password P]
  aurora users remove-demo        delete the demo accounts (*@glowglitch.test) before going to production
A password that is not given is generated and printed once; a given one needs at least 12 characters and must
not be easy to guess (common passwords, patterns and the account's own name or email are refused).`;

/** Parses `--flag value` pairs and positional words. */
export function parseFlags(args: string[]): { flags: Record<string, string>; positional: string[] } {
  const flags: Record<string, string> = {};
  const positional: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg.startsWith('--')) {
      const [key, inline] = arg.slice(2).split('=', 2) as [string, string | undefined];
      flags[key] = inline ?? args[++i] ?? '';
    } else positional.push(arg);
  }
  return { flags, positional };
}

export async function runUsersCommand(db: Db, args: string[], io: Io): Promise<number> {
  const say = (text: string) => io.stdout.write(`${text}\n`);
  const fail = (text: string, code = 2) => (io.stderr.write(`${text}\n`), code);
  const staff = createStaffService(db.kysely);
  const [action, ...rest] = args;
  const { flags, positional } = parseFlags(rest);

  const member = async (email: string | undefined) => {
    const found = email ? await staff.findByEmail(email) : undefined;
    if (!found) throw new Error(`No staff account has the email ${email ?? '(none given)'}.`);
    return found;
  };

  switch (action) {
    case 'list':
    case undefined: {
      for (const m of await staff.list()) say([m.email, m.name, m.role, m.disabled ? 'disabled' : 'active', m.lastLoginAt ?? 'never signed in'].join('\t'));
      return 0;
    }
    case 'add': {
      const role = flags.role as StaffRole;
      if (!flags.email || !flags.name || !STAFF_ROLES.includes(role)) return fail(USERS_USAGE);
      const { member: added, password } = await staff.add({ email: flags.email, name: flags.name, role, password: flags.password }, null);
      say(`Added ${added.role} ${added.email}.`);
      if (!flags.password) say(`Password: ${password}`);
      return 0;
    }
    case 'disable':
      await staff.disable((await member(positional[0])).id, null);
      say(`Disabled ${positional[0]}; their sessions have ended.`);
      return 0;
    case 'enable':
      await staff.enable((await member(positional[0])).id, null);
      say(`Enabled ${positional[0]}.`);
      return 0;
    case 'reset-password': {
      const target = await member(positional[0]);
      const { password } = await staff.resetPassword(target.id, null, flags.password || undefined);
      say(`Password reset for ${target.email}; their sessions have ended.`);
      if (!flags.password) say(`Password: ${password}`);
      return 0;
    }
    case 'remove-demo': {
      const removed = await removeDemoStaff(db.kysely);
      say(removed.length ? `Removed the demo accounts ${removed.join(', ')} and their sessions.` : 'No demo accounts in this database.');
      return 0;
    }
    case 'help':
      say(USERS_USAGE);
      return 0;
    default:
      return fail(USERS_USAGE);
  }
}
