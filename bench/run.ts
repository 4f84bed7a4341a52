import 'reflect-metadata';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { BenchFigures, print } from './lib/context';
import { runB1 } from './b1-workflow-events';
import { runB2 } from './b2-progress-report';
import { runB3 } from './b3-import';
import { runB4 } from './b4-recalculation';
import { runB5 } from './b5-webhooks';

/**
 * `npm run bench [-- --quick] [-- --only B3]`: every benchmark against freshly migrated Postgres
 * (and Redis), one line of figures each, then the same as JSON in bench/results/latest.json.
 */
const BENCHMARKS: Record<string, (opts: { quick: boolean }) => Promise<BenchFigures>> = {
  B1: runB1,
  B2: runB2,
  B3: runB3,
  B4: runB4,
  B5: runB5,
};

async function main() {
  const args = process.argv.slice(2);
  const quick = args.includes('--quick');
  const onlyIndex = args.indexOf('--only');
  const only = onlyIndex >= 0 ? args[onlyIndex + 1]?.split(',') : undefined;
  const results: BenchFigures[] = [];
  for (const [id, run] of Object.entries(BENCHMARKS)) {
    if (only && !only.includes(id)) continue;
    try {
      const result = await run({ quick });
      print(result);
      results.push(result);
      if (id === 'B1' && typeof result.figures.rss_mb === 'number') {
        const rss: BenchFigures = {
          id: 'RSS',
          figures: { rss_mb: result.figures.rss_mb },
          target: {
            description: 'API peak RSS under B1 < 300 MB',
            met: result.figures.rss_mb < 300,
          },
        };
        print(rss);
        results.push(rss);
      }
    } catch (err) {
      console.log(`${id} error="${String((err as Error).message ?? err).replace(/"/g, "'")}"`);
      results.push({ id, figures: { error: String(err) } });
      process.exitCode = 1;
    }
  }
  const dir = join(__dirname, 'results');
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    join(dir, 'latest.json'),
    JSON.stringify({ at: new Date().toISOString(), quick, results }, null, 2) + '\n',
  );
  process.exit();
}

void main();
