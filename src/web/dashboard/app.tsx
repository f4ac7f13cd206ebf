// The SPA: the session first, then the page for the URL (the server already refused what the role may not see).
import { useEffect, useState } from 'preact/hooks';
import { api, setCsrfToken, type SessionInfo, type StaffUser } from './api';
import { Layout } from './components/Layout';
import { NotFoundPage } from './components/NotFound';
import { Loading, Notice, PageHeader } from './components/ui';
import { matchPath, useLocation } from './router';
import { LoginPage } from './pages/Login';
import { TicketsPage } from './pages/Tickets';
import { TicketDetailPage } from './pages/TicketDetail';
import { CsatPage } from './pages/Csat';
import { AnalyticsPage } from './pages/Analytics';
import { OrderDetailPage } from './pages/OrderDetail';
import { OrdersPage } from './pages/Orders';
import { ConversationPage } from './pages/Conversation';
import { FlagsPage } from './pages/Flags';
import { StaffPage } from './pages/Staff';
import { CannedRepliesPage } from './pages/CannedReplies';
import { setShopTimeZone } from './format';

/** The server answers 403 with the shell for a page the role may not open; remember which page that was. */
const FORBIDDEN_PATH = document.body.dataset.status === '403' ? location.pathname : undefined;

function Forbidden() {
  return (
    <>
      <PageHeader title="Admins only" />
      <Notice kind="error">This page is for admins. Ask an admin if you need access.</Notice>
    </>
  );
}

function NotFound() {
  return (
    <NotFoundPage title="Page not found" back={{ href: '/dashboard/support', label: 'Back to stylist tickets' }}>
      <p>There is no dashboard page at this address. Use the navigation, or go back to the tickets.</p>
    </NotFoundPage>
  );
}

function Page(props: { user: StaffUser; path: string; params: URLSearchParams }) {
  const { user, path, params } = props;
  const admin = user.role === 'admin';
  let m: Record<string, string> | null;
  if (path === '/dashboard/support') return <TicketsPage params={params} user={user} />;
  if (path === '/dashboard/support/csat') return <CsatPage params={params} user={user} />;
  if ((m = matchPath('/dashboard/support/tickets/:id', path))) return <TicketDetailPage id={m.id!} user={user} />;
  if (path === '/dashboard/orders') return <OrdersPage params={params} />;
  if ((m = matchPath('/dashboard/orders/:number', path))) return <OrderDetailPage number={m.number!} />;
  if ((m = matchPath('/dashboard/conversations/:id', path))) return <ConversationPage id={m.id!} />;
  if (path === '/dashboard/analytics/concierge') return admin ? <AnalyticsPage params={params} /> : <Forbidden />;
  if (path === '/dashboard/flags') return admin ? <FlagsPage /> : <Forbidden />;
  if (path === '/dashboard/staff') return admin ? <StaffPage user={user} /> : <Forbidden />;
  if (path === '/dashboard/canned-replies') return admin ? <CannedRepliesPage /> : <Forbidden />;
  return <NotFound />;
}

export function App() {
  const { path, params } = useLocation();
  const [session, setSession] = useState<SessionInfo | undefined>(undefined);
  const [error, setError] = useState<string | undefined>(undefined);
  const isLogin = path === '/dashboard/login';

  useEffect(() => {
    if (isLogin) return;
    api<SessionInfo>('/session')
      .then(async (s) => {
        setCsrfToken(s.csrfToken);
        // Times show in the shop's zone; without the settings they stay in the reader's (and say which).
        await api<{ timeZone: string }>('/settings')
          .then((settings) => setShopTimeZone(settings.timeZone))
          .catch(() => undefined);
        setSession(s);
      })
      .catch((e: Error) => setError(e.message));
  }, [isLogin]);

  if (isLogin) return <LoginPage />;
  if (!session) return error ? <Notice kind="error">{error}</Notice> : <Loading />;
  const forbidden = path === FORBIDDEN_PATH;
  return (
    <Layout user={session.user} path={path}>
      {forbidden ? <Forbidden /> : <Page user={session.user} path={path} params={params} />}
    </Layout>
  );
}
