#!/usr/bin/env node
/*
 * `dpi push <file.yaml|json>`: validates locally, shows what would change against the registry
 * (a dry-run import), pushes with a progress bar and prints what changed. `npx dpi --help`.
 */
import 'reflect-metadata';
import { createInterface } from 'node:readline/promises';
import { parseArgs } from 'node:util';
import {
  formatReport,
  pushInChunks,
  PushFileError,
  readPushFile,
  RegistryClient,
  validateLocally,
} from './push';

const USAGE = `usage: dpi push <file.yaml|file.json> [options]

  --url <url>        registry base URL (env DPI_REGISTRY_URL, default http://127.0.0.1:3001)
  --token <token>    bearer token (env DPI_TOKEN)
  --dry-run          show what would change, change nothing
  --yes              push without asking (needed when stdin is not a terminal)
  --assign-ids       write a new id into every item without one (so re-pushing updates)
  --chunk <n>        items per request (default 500, at most 10000)`;

function progressBar(done: number, total: number): void {
  if (!process.stderr.isTTY) {
    process.stderr.write(`pushed ${done}/${total}\n`);
    return;
  }
  const width = 30;
  const filled = Math.round((done / total) * width);
  process.stderr.write(
    `\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total}${done === total ? '\n' : ''}`,
  );
}

async function confirm(question: string): Promise<boolean> {
  const rl = createInterface({ input: process.stdin, output: process.stderr });
  const answer = await rl.question(question);
  rl.close();
  return /^y(es)?$/i.test(answer.trim());
}

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      url: { type: 'string' },
      token: { type: 'string' },
      'dry-run': { type: 'boolean', default: false },
      yes: { type: 'boolean', default: false },
      'assign-ids': { type: 'boolean', default: false },
      chunk: { type: 'string', default: '500' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const [command, file] = positionals;
  const chunkSize = Number(values.chunk);
  if (
    command !== 'push' ||
    !file ||
    !Number.isInteger(chunkSize) ||
    chunkSize < 1 ||
    chunkSize > 10_000
  ) {
    console.error(USAGE);
    return 2;
  }
  const url = values.url ?? process.env.DPI_REGISTRY_URL ?? 'http://127.0.0.1:3001';
  const token = values.token ?? process.env.DPI_TOKEN;
  if (!token) {
    console.error('no token: pass --token or set DPI_TOKEN');
    return 2;
  }

  const { items, assigned } = await readPushFile(file, { assignIds: values['assign-ids'] });
  if (assigned > 0) console.error(`assigned ids to ${assigned} items in ${file}`);
  const problems = await validateLocally(items);
  if (problems.length > 0) {
    for (const p of problems) console.error(`#${p.index} ${p.field}: ${p.message}`);
    console.error(`${problems.length} problems in ${file}; nothing sent`);
    return 1;
  }
  const withoutId = items.filter((i) => !i.id).length;
  if (withoutId > 0)
    console.error(
      `note: ${withoutId} items have no id and are created anew on every push (use --assign-ids)`,
    );

  const client = new RegistryClient(url, token);
  const preview = await pushInChunks(client, items, { dryRun: true, chunkSize });
  for (const line of formatReport(items, preview)) console.log(line);
  const changes = preview.summary.created + preview.summary.updated;
  if (values['dry-run']) return preview.summary.failed > 0 ? 1 : 0;
  if (changes === 0) {
    console.log('nothing to push');
    return preview.summary.failed > 0 ? 1 : 0;
  }
  if (!values.yes) {
    if (!process.stdin.isTTY) {
      console.error('not a terminal: pass --yes to push');
      return 2;
    }
    if (!(await confirm(`push ${changes} changes to ${url}? [y/N] `))) return 1;
  }
  const report = await pushInChunks(client, items, {
    dryRun: false,
    chunkSize,
    onProgress: progressBar,
  });
  for (const line of formatReport(items, report)) console.log(line);
  return report.summary.failed > 0 ? 1 : 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof PushFileError || error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
