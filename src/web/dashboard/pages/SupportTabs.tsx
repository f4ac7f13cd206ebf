// The Support section's two tabs (the guide's "Concierge Tickets" and "CSAT tab").
import { Link } from '../router';

export function SupportTabs(props: { current: 'tickets' | 'csat' }) {
  return (
    <nav class="tabs" aria-label="Support">
      <Link href="/dashboard/support" class="tab" aria-current={props.current === 'tickets' ? 'page' : undefined}>
        Stylist tickets
      </Link>
      <Link href="/dashboard/support/csat" class="tab" aria-current={props.current === 'csat' ? 'page' : undefined}>
        CSAT
      </Link>
    </nav>
  );
}
