import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, ok } from '../../api/client';
import type { RegulationDetail } from '../../api/types';
import { Banner, CheckboxField, Form, SelectField, TextArea, TextField } from '../../forms/fields';
import { useForm } from '../../forms/use-form';
import { label, t } from '../../i18n';
import { ExpertPicker } from './ExpertPicker';
import { warningsOf, WarningsNotice, type Warning } from '../../ui/warnings';
import { eventBody, formOf, initialValues, type EventField } from './events';
import { officerKeys } from './queries';

/** The workflow as buttons: exactly the regulation's availableEvents, each with its payload form. */
export function WorkflowPanel({ r, onReload }: { r: RegulationDetail; onReload: () => void }) {
  const s = t().officer.workspace;
  const [open, setOpen] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [warnings, setWarnings] = useState<Warning[]>([]);
  const events = r.availableEvents.filter((e) => formOf(e));
  return (
    <section className="card workflow" aria-labelledby="wf-h">
      <h2 id="wf-h">{s.workflow}</h2>
      {done && <Banner kind="success" messages={[done]} title="" />}
      <WarningsNotice warnings={warnings} />
      {events.length === 0 ? (
        <p className="muted">{s.noEvents}</p>
      ) : (
        <div className="actions-bar" role="group" aria-label={s.workflow}>
          {events.map((e) => (
            <button
              key={e}
              type="button"
              className={`button ${open === e ? 'button-primary' : ''} ${e === 'WITHDRAW' ? 'button-danger' : ''}`}
              aria-expanded={open === e}
              onClick={() => {
                setDone(null);
                setWarnings([]);
                setOpen(open === e ? null : e);
              }}
            >
              {label(t().officer.events, e)}
            </button>
          ))}
        </div>
      )}
      {open && (
        <EventForm
          key={`${open}-${r.version}`}
          r={r}
          type={open}
          fields={formOf(open)!}
          onReload={onReload}
          onDone={(state, warned) => {
            setOpen(null);
            setDone(s.sent(label(t().common.states, state)));
            setWarnings(warned);
          }}
        />
      )}
    </section>
  );
}

function EventForm(props: {
  r: RegulationDetail;
  type: string;
  fields: EventField[];
  onReload: () => void;
  onDone: (stateName: string, warnings: Warning[]) => void;
}) {
  const f = t().officer.eventFields;
  const qc = useQueryClient();
  const form = useForm<Record<string, unknown>>(initialValues(props.fields));
  return (
    <div className="event-form">
      <h3>{label(t().officer.events, props.type)}</h3>
      <Form
        form={form}
        submitLabel={t().officer.workspace.send}
        onReload={props.onReload}
        onSubmit={async (values) => {
          const res = (await ok(
            api.POST('/regulations/{id}/events', {
              params: {
                path: { id: props.r.id },
                header: { 'If-Match': String(props.r.version) } as never,
              },
              body: eventBody(props.type, props.fields, values) as never,
            }),
          )) as unknown as { stateName: string };
          await Promise.all(
            [
              officerKeys.regulation(props.r.id),
              officerKeys.history(props.r.id),
              ['regulations'],
            ].map((k) => qc.invalidateQueries({ queryKey: k })),
          );
          props.onDone(res.stateName, warningsOf(res));
        }}
      >
        {props.fields.map((field) => {
          const common = {
            form,
            name: field.name,
            label: f[field.name] ?? field.name,
            required: field.required,
          };
          switch (field.kind) {
            case 'boolean':
              return <CheckboxField key={field.name} {...common} />;
            case 'date':
              return <TextField key={field.name} {...common} type="date" />;
            case 'longtext':
              return <TextArea key={field.name} {...common} rows={3} />;
            case 'lines':
              return <TextArea key={field.name} {...common} rows={3} />;
            case 'experts':
              return <ExpertPicker key={field.name} {...common} />;
            case 'choice':
              return (
                <SelectField
                  key={field.name}
                  {...common}
                  options={(field.choices ?? []).map((c) => ({ value: c, label: c }))}
                />
              );
            default:
              return <TextField key={field.name} {...common} />;
          }
        })}
      </Form>
    </div>
  );
}
