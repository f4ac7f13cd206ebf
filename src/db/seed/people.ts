// Generates demo customers; the first two are fixed so the README and tests can name them.
import type { CustomerTier } from '../schema';
import type { Random } from './random';

const FIRST = ['Ava', 'Olivia', 'Mia', 'Sophia', 'Isabella', 'Amelia', 'Harper', 'Evelyn', 'Chloe', 'Grace', 'Zoe', 'Layla', 'Nora', 'Lily', 'Hannah', 'Aria', 'Ella', 'Maya', 'Leah', 'Ruby', 'Noah', 'Liam', 'Ethan', 'Lucas', 'Mateo', 'James', 'Daniel', 'Samuel', 'Owen', 'Julian', 'Priya', 'Aisha', 'Yuki', 'Ingrid', 'Camille'];
const LAST = ['Martinez', 'Chen', 'Johnson', 'Okafor', 'Rossi', 'Nguyen', 'Patel', 'Kowalski', 'Garcia', 'Schmidt', 'Dubois', 'Haddad', 'Silva', 'Tanaka', 'Andersen', 'Murphy', 'Cohen', 'Reyes', 'Novak', 'Bennett', 'Park', 'Fischer', 'Moreau', 'Hughes', 'Kim'];

export interface DemoCustomer {
  name: string;
  email: string;
  phone: string;
  tier: CustomerTier;
}

/** The fixed demo customers: a standard one and a VIP (documented in the README). */
export const SHOWCASE_CUSTOMERS: readonly DemoCustomer[] = [
  { name: 'Ava Martinez', email: 'ava.martinez@example.com', phone: '+1 555 010 0100', tier: 'standard' },
  { name: 'Olivia Chen', email: 'olivia.chen@example.com', phone: '+1 555 010 0101', tier: 'vip' },
];

export function generateCustomers(random: Random, count: number): DemoCustomer[] {
  const customers: DemoCustomer[] = [...SHOWCASE_CUSTOMERS];
  const emails = new Set(customers.map((c) => c.email));
  while (customers.length < count) {
    const first = random.pick(FIRST);
    const last = random.pick(LAST);
    let email = `${first}.${last}@example.${random.pick(['com', 'org', 'net'])}`.toLowerCase();
    for (let n = 2; emails.has(email); n++) email = email.replace('@', `${n}@`);
    emails.add(email);
    customers.push({
      name: `${first} ${last}`,
      email,
      phone: `+1 555 0${random.int(10, 99)} ${String(random.int(0, 9999)).padStart(4, '0')}`,
      // About one customer in ten is VIP; every tenth is, so the share is exact.
      tier: customers.length % 10 === 1 ? 'vip' : 'standard',
    });
  }
  return customers;
}
