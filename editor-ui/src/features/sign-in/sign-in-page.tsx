import { useState, type FormEvent } from 'react';
import { Navigate, useLocation, useNavigate } from 'react-router';
import { ApiError } from '../../api/client';
import { homePathFor } from '../../app/navigation';
import { errorMessage } from '../../components/page-state';
import { useSession } from '../../session/session';

export function SignInPage() {
  const { me, can, signIn } = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const from = (location.state as { from?: string } | null)?.from;
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);

  if (me) return <Navigate to={from ?? homePathFor(can)} replace />;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSubmitting(true);
    setError(null);
    try {
      const signedIn = await signIn(email.trim(), password);
      const permissions = new Set(signedIn.permissions);
      void navigate(from ?? homePathFor((p) => permissions.has(p)), { replace: true });
    } catch (cause) {
      setError(cause instanceof ApiError && cause.isUnauthenticated ? 'The email or password is wrong.' : errorMessage(cause));
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <main className="sign-in">
      <form className="card sign-in-card" onSubmit={(event) => void submit(event)} aria-labelledby="sign-in-title">
        <div className="brand brand-large">Caseflow</div>
        <h1 id="sign-in-title">Sign in</h1>
        <label className="field">
          <span>Email</span>
          <input type="email" autoComplete="username" required value={email} onChange={(e) => setEmail(e.target.value)} />
        </label>
        <label className="field">
          <span>Password</span>
          <input type="password" autoComplete="current-password" required value={password} onChange={(e) => setPassword(e.target.value)} />
        </label>
        {error ? (
          <p className="form-error" role="alert">
            {error}
          </p>
        ) : null}
        <button type="submit" className="button button-primary" disabled={submitting}>
          {submitting ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
    </main>
  );
}
