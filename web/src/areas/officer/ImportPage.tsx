import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { api, download, ok, rawFetch } from '../../api/client';
import { mapErrors } from '../../api/problem';
import { Banner } from '../../forms/fields';
import { t } from '../../i18n';

/** GET /jobs/:id (src/jobs/runs/job-run.service.ts JobRunView). */
interface Job {
  id: string;
  status: 'queued' | 'running' | 'succeeded' | 'failed';
  progress: { done: number; total: number | null };
  result: {
    outcome?: 'imported' | 'rejected' | 'unreadable';
    imported?: number;
    errorCount?: number;
    message?: string;
    errors?: Array<{ row: number; column: string; field: string; message: string }>;
  } | null;
  error: string | null;
}

const FINISHED = ['succeeded', 'failed'];

function percent(job: Job | undefined): number {
  if (!job) return 0;
  if (FINISHED.includes(job.status)) return 100;
  const { done, total } = job.progress ?? { done: 0, total: null };
  return total ? Math.round((done / total) * 100) : 0;
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
    refetchInterval: (q) => (q.state.data && FINISHED.includes(q.state.data.status) ? false : 700),
  });
  const result = job.data?.result ?? null;
  const rowErrors = result?.errors ?? [];
  const finished = job.data && FINISHED.includes(job.data.status);
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
            const body = (await res.json()) as { jobId: string };
            setJobId(body.jobId);
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
          <label htmlFor="import-progress">{finished ? s.finished : s.running}</label>
          <progress id="import-progress" max={100} value={percent(job.data)} />
          {finished && result && (
            <p>
              {result.outcome === 'imported'
                ? s.done(result.imported ?? 0)
                : (result.message ?? s.failed)}
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
