// The password policy: at least 12 characters and not guessable, wherever a password is set (service, dashboard, CLI).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../errors';
import { cookiesFrom, createTestApp, type TestApp } from '../../../test/support/app';
import { TEST_DIALECTS } from '../../../test/support/db';
import { DEMO_STAFF } from '../staff/demo';
import { assertPasswordStrength, generatePassword } from './passwords';

const refusal = (password: string, account?: { email?: string; name?: string }) => {
  try {
    assertPasswordStrength(password, account);
    return undefined;
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    return ((error as AppError).details?.fields as Record<string, string> | undefined)?.password;
  }
};

describe('password policy', () => {
  it('refuses short, common and trivial passwords, naming the field', () => {
    expect(refusal('Xk7#pQ2!mZ9')).toMatch(/At least 12/);
    for (const weak of ['password1234', 'Password123!', 'qwertyuiop12', 'aaaaaaaaaaaa', '123456789012', 'abcdefghijkl', 'iloveyou2024', 'glowglitch2026']) {
      expect(refusal(weak), weak).toMatch(/Too easy to guess/);
    }
  });

  it("refuses a password made of the account's own name or email", () => {
    expect(refusal('zephyrineokonkwo', { email: 'zephyrine.okonkwo@shop.test', name: 'Zephyrine Okonkwo' })).toMatch(/Too easy to guess/);
    expect(refusal('zephyrineokonkwo', { email: 'someone@shop.test', name: 'Some One' })).toBeUndefined();
  });

  it('accepts passphrases and generated passwords', () => {
    for (const strong of ['Velvet-Orchid-Lantern-42', 'correct horse battery staple', generatePassword()]) {
      expect(refusal(strong, { email: 'someone@shop.test', name: 'Some One' }), strong).toBeUndefined();
    }
  });

  it("refuses the demo's published passwords and passwords made of the product's own words", () => {
    for (const published of [...DEMO_STAFF.map((m) => m.password), 'glowglitch-admin', 'Aurora-Support-2026!', 'concierge_stylist_demo']) {
      expect(refusal(published, { email: 'ops@shop.example', name: 'Ops Person' }), published).toMatch(/Too easy to guess/);
    }
  });
});

describe.each(TEST_DIALECTS)('password policy in the dashboard on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect, { seed: false });
  });
  afterAll(() => t.close());

  it('an admin cannot add staff or reset a password with a guessable password', async () => {
    const [ADMIN] = DEMO_STAFF;
    const login = await t.app.inject({ method: 'POST', url: '/api/dashboard/login', payload: { email: ADMIN.email, password: ADMIN.password } });
    const headers = { cookie: cookiesFrom(login), 'x-csrf-token': login.json().csrfToken };
    const add = await t.app.inject({ method: 'POST', url: '/api/dashboard/staff', headers, payload: { email: 'new@shop.test', name: 'New Person', role: 'agent', password: 'password1234' } });
    expect(add.statusCode).toBe(400);
    expect(add.json().error.details.fields.password).toMatch(/Too easy to guess/);
    expect(await t.app.services.staff.findByEmail('new@shop.test')).toBeUndefined();

    const agent = (await t.app.services.staff.findByEmail(DEMO_STAFF[1].email))!;
    const reset = await t.app.inject({ method: 'POST', url: `/api/dashboard/staff/${agent.id}/reset-password`, headers, payload: { password: 'qwertyuiop123' } });
    expect(reset.statusCode).toBe(400);
    expect(reset.json().error.details.fields.password).toMatch(/Too easy to guess/);
    // The old password still works.
    expect((await t.app.inject({ method: 'POST', url: '/api/dashboard/login', payload: { email: agent.email, password: DEMO_STAFF[1].password } })).statusCode).toBe(200);
  });
});
