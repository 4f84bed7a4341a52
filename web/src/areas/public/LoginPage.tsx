import { useNavigate, useSearchParams } from 'react-router';
import { api, ok } from '../../api/client';
import { homeFor } from '../../app/areas';
import { Form, TextField } from '../../forms/fields';
import { useForm } from '../../forms/use-form';
import { t } from '../../i18n';
import { safeNext, saveSession } from '../../session/session';

/** /login: signs in with POST /auth/login, then back to ?next= (or the role's home). */
export function LoginPage() {
  const s = t().auth;
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const form = useForm({ email: '', password: '' });
  const expired = params.has('next');
  return (
    <div className="page page-narrow">
      <h1>{s.title}</h1>
      <p>{s.intro}</p>
      {expired && (
        <p className="banner banner-info" role="status">
          {t().common.errors.sessionExpired}
        </p>
      )}
      <Form
        form={form}
        submitLabel={s.submit}
        onSubmit={async (v) => {
          const body = await ok(api.POST('/auth/login', { body: v }));
          saveSession({
            accessToken: body.accessToken,
            expiresAt: Date.now() + body.expiresIn * 1000,
            user: body.user,
          });
          const next = params.get('next');
          navigate(next ? safeNext(next) : homeFor(body.user.role), { replace: true });
        }}
      >
        <TextField
          form={form}
          name="email"
          label={s.email}
          type="email"
          autoComplete="username"
          required
        />
        <TextField
          form={form}
          name="password"
          label={s.password}
          type="password"
          autoComplete="current-password"
          required
        />
      </Form>
      <p className="hint">{s.demoHint}</p>
    </div>
  );
}
