// The frame of every signed-in page: the left navigation (by role), who is signed in, sign out (here or everywhere).
// On a phone the sidebar is a slim bar at the top (brand, live dot, Menu with the unread count); Menu opens the rest.
import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { api, type StaffUser } from '../api';
import { useLiveState } from '../live';
import { Link } from '../router';
import { Brand } from './ui';
import { LivePanel } from './LivePanel';

const NAV: { href: string; label: string; admin?: boolean; match: RegExp }[] = [
  { href: '/dashboard/support', label: 'Stylist tickets', match: /^\/dashboard\/support(\/tickets.*)?$/ },
  { href: '/dashboard/support/csat', label: 'CSAT feedback', match: /^\/dashboard\/support\/csat/ },
  { href: '/dashboard/orders', label: 'Orders', match: /^\/dashboard\/(orders|conversations)/ },
  { href: '/dashboard/analytics/concierge', label: 'Analytics', admin: true, match: /^\/dashboard\/analytics/ },
  { href: '/dashboard/flags', label: 'Feature flags', admin: true, match: /^\/dashboard\/flags/ },
  { href: '/dashboard/staff', label: 'Staff', admin: true, match: /^\/dashboard\/staff/ },
  { href: '/dashboard/canned-replies', label: 'Canned replies', admin: true, match: /^\/dashboard\/canned-replies/ },
];

export function Layout(props: { user: StaffUser; path: string; children: ComponentChildren }) {
  // Everywhere: every session of this account ends, on every device (the others land on the login page).
  const signOut = async (everywhere: boolean) => {
    await api('/logout', { method: 'POST', body: { everywhere } }).catch(() => undefined);
    location.assign('/dashboard/login');
  };
  const [menuOpen, setMenuOpen] = useState(false);
  const toggle = useRef<HTMLButtonElement>(null);
  const { unread } = useLiveState();
  // A link followed from the menu closes it.
  useEffect(() => setMenuOpen(false), [props.path]);
  // While open, Escape closes the menu and gives focus back to its button.
  useEffect(() => {
    if (!menuOpen) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      setMenuOpen(false);
      toggle.current?.focus();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [menuOpen]);
  const news = unread.size > 0 ? `, ${unread.size} ${unread.size === 1 ? 'ticket' : 'tickets'} with news` : '';
  return (
    <div class="frame">
      <a class="skip-link" href="#main">
        Skip to content
      </a>
      <aside class="sidebar" aria-label="Sidebar">
        <div class="sidebar-inner">
          <div class="sidebar-top">
            <Brand />
            <button
              ref={toggle}
              type="button"
              class="menu-toggle"
              aria-expanded={menuOpen ? 'true' : 'false'}
              aria-controls="sidebar-menu"
              aria-label={`Menu${news}`}
              onClick={() => setMenuOpen(!menuOpen)}
            >
              <svg viewBox="0 0 24 24" aria-hidden="true" focusable="false">
                <path d={menuOpen ? 'M6 6l12 12M18 6L6 18' : 'M4 7h16M4 12h16M4 17h16'} />
              </svg>
              Menu
              {unread.size > 0 && (
                <span class="menu-badge" aria-hidden="true">
                  {unread.size}
                </span>
              )}
            </button>
          </div>
          <div id="sidebar-menu" class={menuOpen ? 'sidebar-menu open' : 'sidebar-menu'}>
          <nav aria-label="Dashboard">
            <ul>
              {NAV.filter((n) => !n.admin || props.user.role === 'admin').map((n) => (
                <li key={n.href}>
                  <Link href={n.href} class="nav-link" aria-current={n.match.test(props.path) ? 'page' : undefined}>
                    {n.label}
                  </Link>
                </li>
              ))}
            </ul>
          </nav>
          <LivePanel />
          <div class="whoami">
            <div class="whoami-name">{props.user.name}</div>
            <div class="whoami-role">{props.user.role === 'admin' ? 'Admin' : 'Agent'}</div>
            <div class="whoami-actions">
              <button type="button" class="button button-quiet" onClick={() => signOut(false)}>
                Sign out
              </button>
              <button type="button" class="button button-quiet" onClick={() => signOut(true)}>
                Sign out everywhere
              </button>
            </div>
          </div>
          </div>
        </div>
      </aside>
      <main id="main" tabIndex={-1}>
        {props.children}
      </main>
    </div>
  );
}
