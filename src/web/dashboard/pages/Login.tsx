// Sign in (D1): email and password; lockout and disabled-account messages come from the server as they are.
import { useEffect, useState } from 'preact/hooks';
import { api, ApiError, type SessionInfo } from '../api';
import { Brand } from '../components/ui';

function nextPath(): string {
  const next = new URLSearchParams(location.search).get('next') ?? '';
  // Only a dashboard path: never an open redirect to another site.
  return /^\/dashboard\/[^/]/.test(next) && !next.startsWith('//') ? next : '/dashboard/support';
}

export function LoginPage() {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    document.title = 'Sign in · Aurora Dashboard';
  }, []);

  const submit = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      await api<SessionInfo>('/login', { method: 'POST', body: { email, password } });
      location.assign(nextPath());
    } catch (e) {
      setError(e instanceof ApiError ? e.message : 'Something went wrong. Try again.');
      setBusy(false);
    }
  };

  return (
    <main class="login" id="main">
      <form class="login-card" onSubmit={submit} aria-labelledby="login-title" noValidate>
        <Brand dark />
        <h1 id="login-title">Sign in</h1>
        <p class="muted">For the GlowGlitch support team.</p>
        {error && (
          <div class="notice notice-error" role="alert">
            {error}
          </div>
        )}
        <label class="field">
          <span>Email</span>
          <input type="email" name="email" autocomplete="username" required value={email} onInput={(e) => setEmail(e.currentTarget.value)} />
        </label>
        <label class="field">
          <span>Password</span>
          <input type="password" name="password" autocomplete="current-password" required value={password} onInput={(e) => setPassword(e.currentTarget.value)} />
        </label>
        <button type="submit" class="button button-primary button-wide" disabled={busy}>
          {busy ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
    </main>
  );
}
