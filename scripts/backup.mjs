// `npm run backup`: see src/server/platform/backup/cli.ts (PostgreSQL via DATABASE_URL, else PGlite
// under GUOHE_DATA_DIR). A thin launcher so the CLI can share the server's TypeScript modules.
import { tsImport } from 'tsx/esm/api';

const { main } = await tsImport('../src/server/platform/backup/cli.ts', import.meta.url);
process.exitCode = await main(['backup', ...process.argv.slice(2)]);
