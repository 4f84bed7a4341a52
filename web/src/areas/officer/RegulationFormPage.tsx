import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate, useParams } from 'react-router';
import { api, ok } from '../../api/client';
import type { Page, RegulationDetail } from '../../api/types';
import { CheckboxField, Form, SelectField, TextArea, TextField } from '../../forms/fields';
import { useForm } from '../../forms/use-form';
import { t } from '../../i18n';
import { useSession } from '../../session/use-session';
import { QueryView } from '../../ui/common';
import { useRegulation } from '../public/queries';

interface Values {
  legalDocumentId: string;
  provision: string;
  title: string;
  description: string;
  category: string;
  sector: string;
  procedureCode: string;
  subjects: Record<string, boolean>;
}

function toValues(r?: RegulationDetail): Values {
  return {
    legalDocumentId: r?.legalDocumentId ?? '',
    provision: r?.provision ?? '',
    title: r?.title ?? '',
    description: r?.description ?? '',
    category: r?.category ?? 'administrative_procedure',
    sector: r?.sector ?? '',
    procedureCode: r?.procedureCode ?? '',
    subjects: Object.fromEntries((r?.subjectTypes ?? ['business']).map((s) => [s, true])),
  };
}

function body(v: Values) {
  return {
    legalDocumentId: v.legalDocumentId,
    provision: v.provision,
    title: v.title,
    description: v.description,
    category: v.category,
    sector: v.sector,
    ...(v.procedureCode.trim() ? { procedureCode: v.procedureCode.trim() } : {}),
    subjectTypes: Object.entries(v.subjects)
      .filter(([, on]) => on)
      .map(([k]) => k),
  };
}

/** /bo-nganh/quy-dinh/moi */
export function CreateRegulationPage() {
  return <RegulationForm />;
}

/** /bo-nganh/quy-dinh/:id/sua — a draft, saved with If-Match: <version>. */
export function EditRegulationPage() {
  const { id = '' } = useParams();
  const query = useRegulation(id);
  return (
    <QueryView query={query}>
      {(r) => (
        <RegulationForm
          key={`${r.id}-${r.version}`}
          existing={r}
          onReload={() => void query.refetch()}
        />
      )}
    </QueryView>
  );
}

function RegulationForm(props: { existing?: RegulationDetail; onReload?: () => void }) {
  const s = t().officer.form;
  const c = t().common;
  const session = useSession();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const form = useForm<Values>(toValues(props.existing));
  const docs = useQuery({
    queryKey: ['legal-documents'],
    queryFn: async () =>
      (await ok(
        api.GET('/legal-documents', { params: { query: { limit: 500 } as never } }),
      )) as unknown as Page<{
        id: string;
        number: string;
        title: string;
      }>,
  });
  const sectors = useQuery({
    queryKey: ['sectors'],
    queryFn: async () =>
      (await ok(api.GET('/sectors'))) as unknown as {
        items: Array<{ code: string; name: string; active: boolean }>;
      },
  });
  form.register('subjectTypes');
  const editing = Boolean(props.existing);
  return (
    <div className="page page-form">
      <h1>{editing ? s.editTitle : s.createTitle}</h1>
      {editing && props.existing!.stateName !== 'draft' && (
        <p className="banner banner-info">{s.onlyDraft}</p>
      )}
      <Form
        form={form}
        submitLabel={s.create}
        onReload={props.onReload}
        onSubmit={async (v) => {
          let id: string;
          if (props.existing) {
            await ok(
              api.PATCH('/regulations/{id}', {
                params: {
                  path: { id: props.existing.id },
                  header: { 'If-Match': String(props.existing.version) } as never,
                },
                body: body(v) as never,
              }),
            );
            id = props.existing.id;
          } else {
            const created = (await ok(
              api.POST('/regulations', {
                body: { ...body(v), agencyId: session!.user.agencyId } as never,
              }),
            )) as unknown as { id: string };
            id = created.id;
          }
          await qc.invalidateQueries({ queryKey: ['regulations'] });
          await qc.invalidateQueries({ queryKey: ['regulation', id] });
          navigate(`/bo-nganh/quy-dinh/${id}`);
        }}
      >
        <SelectField
          form={form}
          name="legalDocumentId"
          label={s.legalDocumentId}
          required
          emptyLabel={s.chooseDocument}
          options={(docs.data?.items ?? []).map((d) => ({
            value: d.id,
            label: `${d.number} — ${d.title}`,
          }))}
        />
        <div className="fields-inline">
          <TextField
            form={form}
            name="provision"
            label={s.provision}
            hint={s.provisionHint}
            required
          />
          <TextField
            form={form}
            name="procedureCode"
            label={s.procedureCode}
            hint={s.procedureCodeHint}
          />
        </div>
        <TextField form={form} name="title" label={s.title} required />
        <TextArea form={form} name="description" label={s.description} />
        <div className="fields-inline">
          <SelectField
            form={form}
            name="category"
            label={s.category}
            required
            options={Object.entries(c.categories).map(([value, label]) => ({ value, label }))}
          />
          <SelectField
            form={form}
            name="sector"
            label={s.sector}
            required
            emptyLabel="—"
            options={(sectors.data?.items ?? [])
              .filter((x) => x.active)
              .map((x) => ({ value: x.code, label: x.name }))}
          />
        </div>
        <fieldset>
          <legend>{s.subjectTypes}</legend>
          <div className="row">
            {Object.entries(c.subjectTypes).map(([k, v]) => (
              <CheckboxField key={k} form={form} name={`subjects.${k}`} label={v} />
            ))}
          </div>
          {form.fieldErrors.subjectTypes && (
            <p className="field-error">{form.fieldErrors.subjectTypes.join('; ')}</p>
          )}
        </fieldset>
      </Form>
    </div>
  );
}
