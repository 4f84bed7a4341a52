/**
 * `npm run lint` lints the OpenAPI document the code generates (the same one /openapi.json serves)
 * with redocly and the strict rules in redocly.yaml; the document is written to a temp file first.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildOpenApiDocument } from './api-types';

async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'regcut-openapi-'));
  const file = join(dir, 'openapi.json');
  try {
    writeFileSync(file, JSON.stringify(await buildOpenApiDocument(), null, 2));
    const root = join(__dirname, '..');
    execFileSync(
      process.execPath,
      [
        join(root, 'node_modules/@redocly/cli/bin/cli.js'),
        'lint',
        file,
        '--config',
        join(root, 'redocly.yaml'),
        '--format',
        process.env.REDOCLY_FORMAT ?? 'codeframe',
      ],
      {
        stdio: 'inherit',
        // Offline and quiet: no usage telemetry, no update check.
        env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' },
      },
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((err) => {
  if (!(err as { status?: number }).status) console.error(err);
  process.exit(1);
});
