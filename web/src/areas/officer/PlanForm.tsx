import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, ok } from '../../api/client';
import type { RegulationDetail } from '../../api/types';
import { Banner, Form, SelectField, TextArea, TextField } from '../../forms/fields';
import { useForm } from '../../forms/use-form';
import { t } from '../../i18n';
import { officerKeys } from './queries';

/** PUT /regulations/:id/plan (in drafting_plan). */
export function PlanForm({ r, onReload }: { r: RegulationDetail; onReload: () => void }) {
  const s = t().officer.plan;
  const qc = useQueryClient();
  const [saved, setSaved] = useState(false);
  const form = useForm({
    action: r.plan?.action ?? 'simplify',
    description: r.plan?.description ?? '',
    targetDocument: r.plan?.targetDocument ?? '',
    programme: r.plan?.programme ?? '',
  });
  return (
    <section className="card" aria-labelledby="plan-h">
      <h2 id="plan-h">{s.title}</h2>
      {r.stateName !== 'drafting_plan' && (
        <Banner kind="info" messages={[s.onlyDrafting]} title="" />
      )}
      {saved && <Banner kind="success" messages={[s.saved]} title="" />}
      <Form
        form={form}
        submitLabel={s.save}
        onReload={onReload}
        onSubmit={async (v) => {
          setSaved(false);
          await ok(
            api.PUT('/regulations/{id}/plan', {
              params: { path: { id: r.id } },
              body: {
                action: v.action,
                description: v.description,
                ...(v.targetDocument ? { targetDocument: v.targetDocument } : {}),
                ...(v.programme ? { programme: v.programme } : {}),
              } as never,
            }),
          );
          setSaved(true);
          await qc.invalidateQueries({ queryKey: officerKeys.regulation(r.id) });
        }}
      >
        <SelectField
          form={form}
          name="action"
          label={s.action}
          required
          options={Object.entries(t().common.planActions).map(([value, label]) => ({
            value,
            label,
          }))}
        />
        <TextArea form={form} name="description" label={s.description} required />
        <div className="fields-inline">
          <TextField form={form} name="targetDocument" label={s.targetDocument} />
          <TextField form={form} name="programme" label={s.programme} hint="NQ68, NQ66" />
        </div>
      </Form>
    </section>
  );
}
