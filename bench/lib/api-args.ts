// Command-line flags of `npm run bench:api`.

export type BenchActor = 'sichuan' | 'moist';

export interface ApiBenchArgs {
  /** Seconds of each measured autocannon run. */
  duration: number;
  /** Concurrent connections of each run. */
  connections: number;
  /** Seconds of warm-up against each server before measuring. */
  warmup: number;
  /** Province whose institutions are listed (xx0000). */
  region: string;
  /** Organization kind filter; undefined lists every kind. */
  kind: string | undefined;
  /** Who signs in: the Sichuan S&T department (scope: recommended) or the ministry (scope: all). */
  actor: BenchActor;
  /** Extra institutions inserted on top of the demo data. */
  extraOrgs: number;
  /** Write a V8 CPU profile of the app process into this directory. */
  cpuProfDir: string | undefined;
  /** Also measure a second floor that runs the app's session-lookup SQL first (diagnostic row). */
  floorWithSession: boolean;
}

const USAGE = `usage: npm run bench:api -- [options]
  --duration N      seconds per measured run (default 10)
  --connections N   concurrent connections (default 50)
  --warmup N        warm-up seconds per server (default 3)
  --actor NAME      sichuan (provincial department, scope = recommended units) | moist (ministry, scope = all); default sichuan
  --region CODE     province code xx0000 (default 510000)
  --kind KIND       organization kind filter, e.g. university; 'all' or omitted for every kind
  --extra-orgs N    institutions added on top of the demo data (default 5000)
  --cpu-prof DIR    write a V8 CPU profile of the app server process into DIR
  --floor-with-session  also measure 'floor+session': the floor plus the app's session-lookup SQL (diagnostic row)`;

function positiveInt(flag: string, value: string | undefined, min = 1): number {
  const n = Number(value);
  if (value === undefined || !Number.isInteger(n) || n < min) throw new Error(`${flag} needs an integer >= ${min}, got '${value ?? ''}'\n${USAGE}`);
  return n;
}

export function parseArgs(argv: readonly string[]): ApiBenchArgs {
  const args: ApiBenchArgs = {
    duration: 10, connections: 50, warmup: 3, region: '510000', kind: undefined, actor: 'sichuan', extraOrgs: 5000, cpuProfDir: undefined, floorWithSession: false,
  };
  for (let i = 0; i < argv.length; i++) {
    const raw = argv[i]!;
    const [flag, inline] = raw.includes('=') ? [raw.slice(0, raw.indexOf('=')), raw.slice(raw.indexOf('=') + 1)] : [raw, undefined];
    const value = () => inline ?? argv[++i];
    switch (flag) {
      case '--duration': args.duration = positiveInt(flag, value()); break;
      case '--connections': args.connections = positiveInt(flag, value()); break;
      case '--warmup': args.warmup = positiveInt(flag, value(), 0); break;
      case '--extra-orgs': args.extraOrgs = positiveInt(flag, value(), 0); break;
      case '--region': {
        const v = value();
        if (!v || !/^\d{2}0000$/.test(v)) throw new Error(`--region needs a province code like 510000, got '${v ?? ''}'`);
        args.region = v;
        break;
      }
      case '--kind': {
        const v = value();
        if (!v) throw new Error('--kind needs a value');
        args.kind = v === 'all' ? undefined : v;
        break;
      }
      case '--actor': {
        const v = value();
        if (v !== 'sichuan' && v !== 'moist') throw new Error(`--actor must be sichuan or moist, got '${v ?? ''}'`);
        args.actor = v;
        break;
      }
      case '--cpu-prof': {
        const v = value();
        if (!v) throw new Error('--cpu-prof needs a directory');
        args.cpuProfDir = v;
        break;
      }
      case '--floor-with-session': args.floorWithSession = true; break;
      case '--help': case '-h':
        console.log(USAGE);
        process.exit(0);
        break;
      default:
        throw new Error(`unknown flag '${raw}'\n${USAGE}`);
    }
  }
  if (args.actor === 'sichuan' && args.region !== '510000') {
    console.warn(`note: the sichuan account only sees Sichuan's recommended units; --region ${args.region} will list nothing`);
  }
  return args;
}
