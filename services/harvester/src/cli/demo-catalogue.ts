/*
 * The local demo source of `npm start`: a CSW 2.0.2 endpoint on loopback serving the real ISO
 * 19139 records of German publishers among ../shared/fixtures/csw (GERMAN_FIXTURE_RECORD_IDS).
 * `node services/harvester/dist/cli/demo-catalogue.js` (DEMO_CSW_PORT, default 3092;
 * DEMO_FIXTURES_DIR, default ../shared/fixtures/csw).
 */
import { join } from 'node:path';
import { FixtureCatalogue, germanFixtureRecords } from '../demo/fixture-catalogue';

async function main(): Promise<void> {
  const port = Number(process.env.DEMO_CSW_PORT ?? 3092);
  const dir =
    process.env.DEMO_FIXTURES_DIR ?? join(__dirname, '../../../../../shared/fixtures/csw');
  const catalogue = new FixtureCatalogue();
  for (const [id, record] of germanFixtureRecords(dir))
    catalogue.put(id, record.xml, record.dateStamp);
  await catalogue.start(port);
  console.log(`demo CSW with ${catalogue.records.size} records at ${catalogue.url}`);
  const stop = () => void catalogue.stop().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(`demo CSW failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
