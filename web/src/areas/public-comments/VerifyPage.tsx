import { useNavigate, useSearchParams } from 'react-router';
import { api, ok } from '../../api/client';
import { Banner, Form, TextField } from '../../forms/fields';
import { useForm } from '../../forms/use-form';
import { t } from '../../i18n';
import { saveSession } from '../../session/session';

/** /gop-y/xac-minh?token=…: the e-mailed link; sets the password and signs in (role public). */
export function VerifyPage() {
  const s = t().publicComments.verify;
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const token = params.get('token') ?? '';
  const form = useForm({ password: '' });
  return (
    <div className="page page-narrow">
      <h1>{s.title}</h1>
      {!token ? (
        <Banner messages={[s.noToken]} />
      ) : (
        <>
          <p>{s.intro}</p>
          <Form
            form={form}
            submitLabel={s.submit}
            onSubmit={async (v) => {
              const body = await ok(
                api.POST('/public/accounts/verify', { body: { token, password: v.password } }),
              );
              saveSession({
                accessToken: body.accessToken,
                expiresAt: Date.now() + body.expiresIn * 1000,
                user: body.user,
              });
              navigate('/gop-y', { replace: true });
            }}
          >
            <TextField
              form={form}
              name="password"
              label={s.password}
              type="password"
              autoComplete="new-password"
              required
            />
          </Form>
        </>
      )}
    </div>
  );
}
