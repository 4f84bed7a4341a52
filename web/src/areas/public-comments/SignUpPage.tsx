import { useState } from 'react';
import { api, ok } from '../../api/client';
import { Banner, Form, TextField } from '../../forms/fields';
import { useForm } from '../../forms/use-form';
import { t } from '../../i18n';

/** /gop-y/dang-ky: sign up to comment publicly (POST /public/accounts); the link comes by e-mail. */
export function SignUpPage() {
  const s = t().publicComments.signUp;
  const form = useForm({ email: '', displayName: '', organisation: '', taxCode: '' });
  const [sent, setSent] = useState<string[]>([]);
  return (
    <div className="page page-narrow">
      <h1>{s.title}</h1>
      <p>{s.intro}</p>
      <Banner kind="success" messages={sent} />
      <Form
        form={form}
        submitLabel={s.submit}
        onSubmit={async (v) => {
          setSent([]);
          const body = await ok(
            api.POST('/public/accounts', {
              body: {
                email: v.email,
                displayName: v.displayName,
                ...(v.organisation.trim() ? { organisation: v.organisation } : {}),
                ...(v.taxCode.trim() ? { taxCode: v.taxCode } : {}),
              },
            }),
          );
          setSent([s.sent(body.expiresInHours)]);
        }}
      >
        <TextField form={form} name="email" label={s.email} type="email" required />
        <TextField form={form} name="displayName" label={s.displayName} required />
        <TextField form={form} name="organisation" label={s.organisation} />
        <TextField form={form} name="taxCode" label={s.taxCode} hint={s.taxCodeHint} />
      </Form>
    </div>
  );
}
