import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { api, download, ok, rawFetch } from '../../api/client';
import { mapErrors } from '../../api/problem';
import { Banner } from '../../forms/fields';
import { t } from '../../i18n';

interface Job {
  id: string;
  status: string;
  progress?: number | { done?: number; total?: number } | null;
  result?: Record<string, any> | null;
  error?: unknown;
  [k: string]: unknown;
}

function percent(job: Job | undefined): number {
  if (!job) return 0;
  if (job.status === 'completed' || job.status === 'failed') return 100;
  const p = job.progress;
  if (typeof p === 'number') return Math.max(0, Math.min(100, p <= 1 ? p * 100 : p));
  if (p && typeof p === 'object' && p.total) return Math.round(((p.done ?? 0) / p.total) * 100);
  return 0;
}

/** /bo-nganh/nhap-tep — bulk import with the template, progress while the job runs, row errors. */
export function ImportPage() {
  const s = t().officer.import;
  const [file, setFile] = useState<File | null>(null);
  const [validRowsOnly, setValidRowsOnly] = useState(false);
  const [jobId, setJobId] = useState<string | null>(null);
  const [errors, setErrors] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const job = useQuery({
    queryKey: ['job', jobId],
    enabled: Boolean(jobId),
    queryFn: async () =>
      (await ok(api.GET('/jobs/{id}', { params: { path: { id: jobId! } } }))) as unknown as Job,
    refetchInterval: (q) =>
      q.state.data && ['completed', 'failed'].includes(q.state.data.status) ? false : 700,
  });
  const result = job.data?.result ?? null;
  const rowErrors: Array<{ row: number; field?: string; column?: string; message: string }> =
    (result?.errors as never) ?? [];
  const finished = job.data && ['completed', 'failed'].includes(job.data.status);
  return (
    <div className="page page-form">
      <h1>{s.title}</h1>
      <p className="lead">{s.lead}</p>
      <p>
        <button
          type="button"
          className="button"
          onClick={() =>
            download('/imports/template.xlsx', 'mau-nhap-quy-dinh.xlsx').catch((e) =>
              setErrors(mapErrors(e).banner),
            )
          }
        >
          {s.template}
        </button>
      </p>
      <form
        className="card form"
        onSubmit={async (e) => {
          e.preventDefault();
          setErrors([]);
          if (!file) {
            setErrors([`${s.file}: ${t().common.required}`]);
            return;
          }
          setBusy(true);
          try {
            const data = new FormData();
            data.append('file', file);
            const res = await rawFetch(`/imports${validRowsOnly ? '?validRowsOnly=true' : ''}`, {
              method: 'POST',
              body: data,
            });
            const body = (await res.json()) as { jobId?: string; id?: string };
            setJobId(body.jobId ?? body.id ?? null);
          } catch (err) {
            setErrors(
              mapErrors(err, ['file']).banner.concat(
                Object.values(mapErrors(err, ['file']).fields).flat(),
              ),
            );
          } finally {
            setBusy(false);
          }
        }}
      >
        <Banner messages={errors} />
        <div className="field">
          <label htmlFor="import-file">{s.file}</label>
          <input
            id="import-file"
            type="file"
            accept=".xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv"
            onChange={(e) => setFile(e.target.files?.[0] ?? null)}
          />
        </div>
        <label className="inline-check">
          <input
            type="checkbox"
            checked={validRowsOnly}
            onChange={(e) => setValidRowsOnly(e.target.checked)}
          />{' '}
          {s.validRowsOnly}
        </label>
        <div className="form-actions">
          <button type="submit" className="button button-primary" disabled={busy}>
            {s.upload}
          </button>
        </div>
      </form>
      {jobId && (
        <section className="card" aria-live="polite">
          <label htmlFor="import-progress">{finished ? job.data?.status : s.running}</label>
          <progress id="import-progress" max={100} value={percent(job.data)} />
          {finished && result && (
            <p>
              {rowErrors.length && !result.imported
                ? s.failed
                : s.done(Number(result.imported ?? result.created ?? 0))}
            </p>
          )}
          {rowErrors.length > 0 && (
            <>
              <h2>{s.errors}</h2>
              <div className="table-wrap">
                <table>
                  <thead>
                    <tr>
                      <th scope="col">{s.row}</th>
                      <th scope="col">{s.field}</th>
                      <th scope="col">{s.message}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {rowErrors.map((e, i) => (
                      <tr key={i}>
                        <td>{e.row}</td>
                        <td>{e.column ?? e.field}</td>
                        <td>{e.message}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
              <button
                type="button"
                className="button"
                onClick={() =>
                  download(`/imports/${jobId}/errors.xlsx`, 'loi-nhap.xlsx').catch((e) =>
                    setErrors(mapErrors(e).banner),
                  )
                }
              >
                {s.errorReport}
              </button>
            </>
          )}
        </section>
      )}
    </div>
  );
}
