// `aurora users ...`: staff accounts from the command line (P8). A password is typed at a prompt (no echo), piped
// on stdin, or generated (--generate-password) and printed once; never taken from argv.
import type { StaffRole } from '../db/schema';
import type { Db } from '../db/connection';
import { createStaffService, STAFF_ROLES } from '../modules/staff/service';
import { removeDemoStaff } from '../modules/staff/demo';
import { type CommandSpec, helpText, parseCommand, UsageError } from './args';
import { readNewPassword } from './prompt';

interface Io {
  stdin?: NodeJS.ReadableStream;
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
}

const PASSWORD_RULES = `A password needs at least 12 characters and must not be easy to guess (common passwords, patterns and the
account's own name or email are refused). It is read from the terminal without echo (asked twice), or as the
first line of stdin when stdin is not a terminal:  printf '%s\\n' "$PASSWORD" | aurora users add ...
--generate-password generates one instead and prints it once.`;

export const USERS_COMMANDS: Record<string, CommandSpec> = {
  list: { usage: 'aurora users list', summary: 'List staff accounts: email, name, role, active or disabled, last sign-in.' },
  add: {
    usage: 'aurora users add --email E --name N --role agent|admin [--generate-password]',
    summary: 'Add a staff account.',
    details: PASSWORD_RULES,
    options: { email: { type: 'string' }, name: { type: 'string' }, role: { type: 'string' }, 'generate-password': { type: 'boolean' } },
  },
  disable: { usage: 'aurora users disable EMAIL', summary: 'Disable an account; its sessions end at once.', positionals: { min: 1, max: 1, names: 'EMAIL' } },
  enable: { usage: 'aurora users enable EMAIL', summary: 'Enable a disabled account again.', positionals: { min: 1, max: 1, names: 'EMAIL' } },
  'reset-password': {
    usage: 'aurora users reset-password EMAIL [--generate-password]',
    summary: "Set a new password for an account; its sessions end.",
    details: PASSWORD_RULES,
    options: { 'generate-password': { type: 'boolean' } },
    positionals: { min: 1, max: 1, names: 'EMAIL' },
  },
  'remove-demo': { usage: 'aurora users remove-demo', summary: 'Delete the demo accounts (*@glowglitch.test) and their sessions before going to production.' },
};

export const USERS_USAGE = `Usage: aurora users <action>

${Object.values(USERS_COMMANDS)
  .map((spec) => `  ${spec.usage}\n      ${spec.summary}`)
  .join('\n')}

Run \`aurora users <action> --help\` for an action's options.`;

/** --password would put the password in argv (ps, shell history): refused with what to do instead. */
function refusePasswordFlag(args: string[]): void {
  if (args.some((arg) => arg === '--password' || arg.startsWith('--password='))) {
    throw new UsageError(
      'passwords are not taken on the command line (ps and the shell history would keep them); type it when asked, pipe it on stdin (printf \'%s\\n\' "$PASSWORD" | aurora users ...), or use --generate-password',
    );
  }
}

const asksHelp = (word: string | undefined) => word === 'help' || word === '--help' || word === '-h';

/** The help `args` ask for (`aurora users --help`, `aurora users add --help`), or undefined: answered without a database. */
export function usersHelp(args: string[]): string | undefined {
  const [action, ...rest] = args;
  if (asksHelp(action)) return USERS_USAGE;
  const spec = action === undefined ? undefined : USERS_COMMANDS[action];
  return spec && rest.some(asksHelp) ? helpText(spec) : undefined;
}

/** Runs `aurora users <action> ...`; returns the exit code. Throws UsageError on wrong use, Error when refused. */
export async function runUsersCommand(db: Db, args: string[], io: Io): Promise<number> {
  const say = (text: string) => io.stdout.write(`${text}\n`);
  const [action = 'list', ...rest] = args;
  const help = usersHelp(args);
  if (help) {
    say(help);
    return 0;
  }
  const spec = USERS_COMMANDS[action];
  if (!spec) throw new UsageError(`unknown action "${action}" (one of ${Object.keys(USERS_COMMANDS).join(', ')})`);
  refusePasswordFlag(rest);
  const { values, positionals } = parseCommand(spec, rest);
  const staff = createStaffService(db.kysely);
  const member = async (email: string) => {
    const found = await staff.findByEmail(email);
    if (!found) throw new Error(`No staff account has the email ${email}.`);
    return found;
  };
  /** The new password: undefined lets the service generate one (printed once). */
  const newPassword = (forWhom: string) => (values['generate-password'] ? Promise.resolve(undefined) : readNewPassword(io, forWhom));

  switch (action) {
    case 'list':
      for (const m of await staff.list()) say([m.email, m.name, m.role, m.disabled ? 'disabled' : 'active', m.lastLoginAt ?? 'never signed in'].join('\t'));
      return 0;
    case 'add': {
      const { email, name, role } = values as { email?: string; name?: string; role?: string };
      if (!email) throw new UsageError('missing --email');
      if (!name) throw new UsageError('missing --name');
      if (!STAFF_ROLES.includes(role as StaffRole)) throw new UsageError(`--role must be ${STAFF_ROLES.join(' or ')}${role ? ` (got "${role}")` : ''}`);
      const given = await newPassword(email);
      const { member: added, password } = await staff.add({ email, name, role: role as StaffRole, password: given }, null);
      say(`Added ${added.role} ${added.email}.`);
      if (given === undefined) say(`Password: ${password}`);
      return 0;
    }
    case 'disable':
      await staff.disable((await member(positionals[0]!)).id, null);
      say(`Disabled ${positionals[0]}; their sessions have ended.`);
      return 0;
    case 'enable':
      await staff.enable((await member(positionals[0]!)).id, null);
      say(`Enabled ${positionals[0]}.`);
      return 0;
    case 'reset-password': {
      const target = await member(positionals[0]!);
      const given = await newPassword(target.email);
      const { password } = await staff.resetPassword(target.id, null, given);
      say(`Password reset for ${target.email}; their sessions have ended.`);
      if (given === undefined) say(`Password: ${password}`);
      return 0;
    }
    default: {
      const removed = await removeDemoStaff(db.kysely);
      say(removed.length ? `Removed the demo accounts ${removed.join(', ')} and their sessions.` : 'No demo accounts in this database.');
      return 0;
    }
  }
}
