// Benchmark of the expert-assignment engine: one seeded round (2,000 applications × 20,000 experts,
// or 200 × 2,000 with --small), R = 5, L = 3, k = 2, 20% drawn at random. Ours solves it; HiGHS
// solves the same network as an LP in a child process; the dual certificate of ours is checked on
// the full instance by verify.ts. Last line: the summary the lead's scripts read.
import { availableParallelism, loadavg } from 'node:os';
import { encode } from '../src/server/review/assignment/instance.js';
import { markNonArcs } from '../src/server/review/assignment/network.js';
import { solveInstance } from '../src/server/review/assignment/solve.js';
import { verifyProposal } from '../src/server/review/assignment/verify.js';
import { generateRound } from './lib/assign-gen.js';
import { buildLp, solveWithHighs } from './lib/highs-lp.js';

// HiGHS (WASM, 2 GB) held ~2M columns in the stack notes; above that it gets our candidate set.
const HIGHS_MAX_COLUMNS = 2_000_000;

const small = process.argv.includes('--small');
const [nA, nE] = small ? [200, 2_000] : [2_000, 20_000];
const seconds = (ms: number) => (ms / 1000).toFixed(2);
const rows: [string, string][] = [];
const note = (k: string, v: string | number) => { rows.push([k, String(v)]); };

let t = performance.now();
const input = generateRound({ apps: nA, experts: nE, seed: 'guohe-bench-2025' });
note('generate round (seeded)', `${seconds(performance.now() - t)} s`);

const cpu0 = process.cpuUsage();
t = performance.now();
const inst = encode(input);
const encodeMs = performance.now() - t;
t = performance.now();
const { proposal, solution } = solveInstance(inst);
const solveMs = performance.now() - t;
const oursMs = encodeMs + solveMs;
const cpu = process.cpuUsage(cpu0);
const oursCpuMs = (cpu.user + cpu.system) / 1000;
const pairsTotal = nA * nE;
note('applications × experts', `${nA} × ${nE} = ${pairsTotal.toLocaleString('en-US')} pairs`);
note('conflicting pairs', `${inst.conflicts.count.toLocaleString('en-US')} (${((inst.conflicts.count / pairsTotal) * 100).toFixed(2)}%)`);
note('parameters', `R=${input.params.reviewers.min}, L=${input.params.maxLoad}, k=${input.params.maxPerProvince}, random share ${input.params.randomShare}, seed ${input.params.seed}`);
note('feasibility', `${proposal.feasibility.ok ? 'ok' : 'NOT ok'}: need ${proposal.feasibility.slotsNeeded} slots, pool offers ${proposal.feasibility.slotsOffered}; ${proposal.feasibility.issues.length} issue(s)`);
note('ours: encode (conflicts, scores)', `${seconds(encodeMs)} s`);
note('ours: feasibility + random draw + min-cost flow', `${seconds(solveMs)} s`);
const s = solution.stats;
note('ours: total', `${seconds(oursMs)} s wall, ${seconds(oursCpuMs)} s CPU (load average ${loadavg()[0]!.toFixed(1)} on ${availableParallelism()} cores)`);
note('ours: flow', `${s.candidates.toLocaleString('en-US')} candidate arcs, ${s.pricingRounds} pricing round(s), ${s.addedColumns} column(s) added, ${s.phases} Dijkstra phases, ${s.augmentations} augmentations`);
note('ours: pairs', `${proposal.pairs.length} (${proposal.fixed.length} random, ${solution.pairs.length} optimized), unfilled slots ${proposal.unfilled.reduce((n, u) => n + u.mandatory + u.optional, 0)}`);

t = performance.now();
const v = verifyProposal(inst, proposal);
note('certificate (verify.ts, full instance)', `${v.arcsChecked.toLocaleString('en-US')} arcs checked in ${seconds(performance.now() - t)} s; reduced-cost violations ${v.reducedCostViolations}; constraint violations ${v.violations.length}`);
note('primal objective (score)', v.value);
note('dual objective (bound)', v.dualValue);
note('certificate', v.optimal ? 'OPTIMAL on the full instance: every eligible pair priced (primal = dual)' : 'NOT proven');

// HiGHS gets every arc of the full network when it fits, else our final candidate set.
const skip = new Uint8Array(nE), row = new Int32Array(nE);
let fullArcs = 0;
for (let a = 0; a < nA; a++) { markNonArcs(inst, solution.shape, a, skip); for (let e = 0; e < nE; e++) fullArcs += skip[e] ? 0 : 1; }
const useFull = fullArcs <= HIGHS_MAX_COLUMNS;
let lpPairs: (readonly [number, number, number])[] = [];
if (useFull) {
  for (let a = 0; a < nA; a++) {
    markNonArcs(inst, solution.shape, a, skip);
    inst.scorer.row(a, row);
    for (let e = 0; e < nE; e++) if (!skip[e]) lpPairs.push([a, e, row[e]!]);
  }
} else lpPairs = [...solution.candidates];
const lp = buildLp(inst, solution.shape, lpPairs);
t = performance.now();
const reply = await solveWithHighs(lp);
const lpWallMs = performance.now() - t;
const fixedScore = proposal.objective.value + proposal.objective.primalCost;
const lpValue = Math.round(fixedScore - reply.objective);
note('HiGHS solved', useFull
  ? `the FULL instance: all ${fullArcs.toLocaleString("en-US")} eligible pairs (no conflict, expert active with spare load, not already drawn) as LP columns`
  : `our final CANDIDATE set (${lpPairs.length.toLocaleString('en-US')} of ${fullArcs.toLocaleString("en-US")} eligible pairs; the full instance exceeds HiGHS's 2 GB WASM cap) — optimality on the full instance rests on the certificate above`);
note('HiGHS LP', `${reply.status}, ${lp.numCols.toLocaleString('en-US')} columns × ${lp.numRows.toLocaleString('en-US')} rows, solve ${reply.seconds.toFixed(2)} s (child process wall ${seconds(lpWallMs)} s), vertex integral: ${reply.integral}${reply.error ? `, error ${reply.error}` : ''}`);
note('objectives equal', String(lpValue === v.value && Math.abs(fixedScore - reply.objective - lpValue) < 1e-6));

const width = Math.max(...rows.map(([k]) => k.length));
for (const [k, val] of rows) console.log(`${k.padEnd(width)}  ${val}`);
console.log(`assign: ${nA}x${nE} objective ${v.value} in ${seconds(oursMs)} s | lp: objective ${lpValue} in ${reply.seconds.toFixed(2)} s`);
