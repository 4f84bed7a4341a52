import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, ok } from '../../api/client';
import type { CostEstimate, ParameterSet } from '../../api/types';
import { Banner, Form, NumberField, SelectField, TextField } from '../../forms/fields';
import { useForm } from '../../forms/use-form';
import { formatDecimal, formatMoney } from '../../format';
import { t } from '../../i18n';
import {
  emptyEstimate,
  estimateBody,
  estimateToValues,
  previewCost,
  type EstimateValues,
} from './cost-preview';
import { officerKeys } from './queries';

/**
 * One cost estimate (baseline or proposed): activities × hours, money per compliance, frequency,
 * subjects, optional ranges; unit and annual cost recomputed exactly on every keystroke.
 */
export function EstimateForm(props: {
  regulationId: string;
  kind: 'baseline' | 'proposed';
  existing: CostEstimate | null;
  parameterSets: ParameterSet[];
  onReload: () => void;
  justSaved?: boolean;
  onSaved?: (saved: boolean) => void;
}) {
  const s = t().officer.estimate;
  const c = t().common;
  const qc = useQueryClient();
  const [savedHere, setSaved] = useState(false);
  const saved = savedHere || Boolean(props.justSaved);
  const form = useForm<EstimateValues>(
    props.existing
      ? estimateToValues(props.existing)
      : emptyEstimate(props.parameterSets[0]?.id ?? ''),
  );
  const v = form.values;
  const set = props.parameterSets.find((p) => p.id === v.parameterSetId);
  const preview = previewCost(v, set?.hourlyRateExact);
  const [showRanges, setShowRanges] = useState(
    Boolean(v.frequencyLow || v.subjectsLow || v.activities.some((a) => a.hoursLow || a.hoursHigh)),
  );
  if (!props.parameterSets.length)
    return <Banner kind="info" messages={[s.noParameterSet]} title="" />;
  const prefix = `est-${props.kind}`;
  return (
    <section
      className="card estimate"
      aria-labelledby={`${prefix}-h`}
      data-testid={`estimate-${props.kind}`}
    >
      <h3 id={`${prefix}-h`}>{props.kind === 'baseline' ? s.baseline : s.proposed}</h3>
      <Form
        form={form}
        submitLabel={s.save}
        onReload={props.onReload}
        onSubmit={async (values) => {
          setSaved(false);
          props.onSaved?.(false);
          await ok(
            api.PUT(
              `/regulations/{id}/cost-estimates/${props.kind}` as '/regulations/{id}/cost-estimates/baseline',
              {
                params: { path: { id: props.regulationId } },
                body: estimateBody(values) as never,
              },
            ),
          );
          setSaved(true);
          props.onSaved?.(true);
          await qc.invalidateQueries({ queryKey: officerKeys.estimates(props.regulationId) });
          await qc.invalidateQueries({ queryKey: officerKeys.regulation(props.regulationId) });
        }}
      >
        {saved && <Banner kind="success" messages={[s.saved]} title="" />}
        <div className="fields-inline">
          <SelectField
            form={form}
            name="parameterSetId"
            label={s.parameterSet}
            required
            options={props.parameterSets.map((p) => ({
              value: p.id,
              label: `${p.year} — ${formatMoney(p.hourlyRate)}/giờ`,
            }))}
          />
          <SelectField
            form={form}
            name="subjectType"
            label={s.subjectType}
            options={Object.entries(c.subjectTypes).map(([value, label]) => ({ value, label }))}
          />
          <SelectField
            form={form}
            name="costKind"
            label={s.costKind}
            options={Object.entries(c.costKinds).map(([value, label]) => ({ value, label }))}
          />
        </div>
        <fieldset>
          <legend>{s.activities}</legend>
          {v.activities.map((_, i) => (
            <div className="activity-row" key={i}>
              <TextField
                form={form}
                name={`activities[${i}].name`}
                label={`${s.activityName} ${i + 1}`}
                required
              />
              <NumberField form={form} name={`activities[${i}].hours`} label={s.hours} required />
              {showRanges && (
                <>
                  <NumberField form={form} name={`activities[${i}].hoursLow`} label={s.hoursLow} />
                  <NumberField
                    form={form}
                    name={`activities[${i}].hoursHigh`}
                    label={s.hoursHigh}
                  />
                </>
              )}
              {v.activities.length > 1 && (
                <button
                  type="button"
                  className="button button-small button-danger remove"
                  aria-label={`${s.removeActivity} ${i + 1}`}
                  onClick={() =>
                    form.set(
                      'activities',
                      v.activities.filter((__, j) => j !== i),
                    )
                  }
                >
                  {s.removeActivity}
                </button>
              )}
            </div>
          ))}
          <div className="actions-bar">
            <button
              type="button"
              className="button button-small"
              onClick={() =>
                form.set('activities', [
                  ...v.activities,
                  { name: '', hours: '', hoursLow: '', hoursHigh: '' },
                ])
              }
            >
              + {s.addActivity}
            </button>
            <label className="field-check inline-check">
              <input
                type="checkbox"
                checked={showRanges}
                onChange={(e) => setShowRanges(e.target.checked)}
              />{' '}
              {s.ranges}
            </label>
          </div>
        </fieldset>
        <div className="fields-inline">
          <NumberField form={form} name="hiredServices" label={s.hiredServices} />
          <NumberField form={form} name="feesAndCharges" label={s.feesAndCharges} />
          <NumberField form={form} name="otherCosts" label={s.otherCosts} />
        </div>
        <div className="fields-inline">
          <NumberField form={form} name="frequencyPerYear" label={s.frequencyPerYear} required />
          {showRanges && (
            <NumberField
              form={form}
              name="frequencyLow"
              label={`${s.frequencyPerYear} (${s.low})`}
            />
          )}
          {showRanges && (
            <NumberField
              form={form}
              name="frequencyHigh"
              label={`${s.frequencyPerYear} (${s.high})`}
            />
          )}
          <NumberField form={form} name="subjectsPerYear" label={s.subjectsPerYear} required />
          {showRanges && (
            <NumberField form={form} name="subjectsLow" label={`${s.subjectsPerYear} (${s.low})`} />
          )}
          {showRanges && (
            <NumberField
              form={form}
              name="subjectsHigh"
              label={`${s.subjectsPerYear} (${s.high})`}
            />
          )}
        </div>
        <div className="cost-preview" aria-live="polite" data-testid={`preview-${props.kind}`}>
          <div className="figure-label">
            {s.preview}
            {set && ` · ${s.hourlyRate}: ${formatDecimal(set.hourlyRate)} ₫`}
          </div>
          {preview.ok ? (
            <div className="grid">
              <div>
                <div className="figure-label">{s.unitCost}</div>
                <div className="figure" data-testid={`unit-${props.kind}`}>
                  {formatMoney(preview.unitCost)}
                </div>
              </div>
              <div>
                <div className="figure-label">{s.annualCost}</div>
                <div className="figure" data-testid={`annual-${props.kind}`}>
                  {formatMoney(preview.annualCost)}
                </div>
                {preview.hasRange && (
                  <div className="muted">
                    {s.range}: {formatMoney(preview.annualCostLow)} –{' '}
                    {formatMoney(preview.annualCostHigh)}
                  </div>
                )}
              </div>
            </div>
          ) : (
            <p className="muted">{s.previewInvalid}</p>
          )}
        </div>
      </Form>
    </section>
  );
}
