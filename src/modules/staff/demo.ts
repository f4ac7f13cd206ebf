// The demo's two staff accounts (documented in the README). Demo mode only, and only when no staff exist.
import type { StaffService } from './service';

export const DEMO_STAFF = [
  { email: 'admin@glowglitch.test', name: 'Avery Admin', role: 'admin', password: 'aurora-admin-demo' },
  { email: 'agent@glowglitch.test', name: 'Sam Stylist', role: 'agent', password: 'aurora-agent-demo' },
] as const;

export async function seedDemoStaff(staff: StaffService): Promise<boolean> {
  if ((await staff.count()) > 0) return false;
  for (const member of DEMO_STAFF) await staff.add({ ...member }, null);
  return true;
}
