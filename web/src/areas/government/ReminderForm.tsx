import { useQueryClient } from '@tanstack/react-query';
import { api, ok } from '../../api/client';
import { Form, TextArea } from '../../forms/fields';
import { useForm } from '../../forms/use-form';
import { t } from '../../i18n';

/** Đôn đốc: a reminder with a note to the ministry of an implementing or overdue regulation. */
export function ReminderForm(p: { regulationId: string; title: string; onSent: () => void }) {
  const s = t().government.reminders;
  const qc = useQueryClient();
  const form = useForm({ note: '' });
  return (
    <div className="reminder-form">
      <h3>{s.buttonFor(p.title)}</h3>
      <Form
        form={form}
        submitLabel={s.send}
        onSubmit={async (v) => {
          await ok(
            api.POST('/regulations/{id}/reminders', {
              params: { path: { id: p.regulationId } },
              body: { note: v.note.trim() },
            }),
          );
          p.onSent();
          await qc.invalidateQueries({ queryKey: ['reminders'] });
        }}
      >
        <TextArea form={form} name="note" label={s.note} required rows={3} />
      </Form>
    </div>
  );
}
