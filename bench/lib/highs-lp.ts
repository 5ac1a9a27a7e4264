// The assignment network written as an LP for HiGHS, built from the model's shape (network.ts),
// not from our solver's graph. The constraint matrix is a network matrix (totally unimodular), so
// the LP optimum is integral; the child reports whether HiGHS's vertex is.
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { Instance } from '../../src/server/review/assignment/instance.js';
import type { NetworkShape } from '../../src/server/review/assignment/network.js';
import type { LpReply, LpRequest } from './highs-child.js';

/** Columns: one per pair (cost −score, 0..1), then per application unfilled mandatory/optional. */
export function buildLp(inst: Instance, shape: NetworkShape, pairs: readonly (readonly [number, number, number])[]): LpRequest {
  const nA = inst.apps.length, nP = shape.provinceCount;
  const expertRow = new Map<number, number>(), groupRow = new Map<number, number>();
  const rowLower: number[] = [], rowUpper: number[] = [];
  const row = (m: Map<number, number>, key: number, upper: number) => {
    let r = m.get(key);
    if (r === undefined) { r = rowLower.length; m.set(key, r); rowLower.push(-Infinity); rowUpper.push(upper); }
    return r;
  };
  // Rows in layer order (experts, groups, applications) so each column's indices ascend.
  for (const [, e] of pairs) row(expertRow, e, shape.expertCap[e]!);
  for (const [a, e] of pairs) { const g = a * nP + inst.expertProvince[e]!; row(groupRow, g, shape.groupCap[g]!); }
  const appRow0 = rowLower.length;
  for (let a = 0; a < nA; a++) { rowLower.push(shape.demand[a]!); rowUpper.push(shape.demand[a]!); }
  const numCols = pairs.length + 2 * nA;
  const colCost = new Float64Array(numCols), colLower = new Float64Array(numCols), colUpper = new Float64Array(numCols);
  const starts = new Int32Array(numCols + 1);
  const indices: number[] = [];
  pairs.forEach(([a, e, score], j) => {
    colCost[j] = -score; colUpper[j] = 1;
    indices.push(expertRow.get(e)!, groupRow.get(a * nP + inst.expertProvince[e]!)!, appRow0 + a);
    starts[j + 1] = indices.length;
  });
  for (let a = 0; a < nA; a++) {
    const j = pairs.length + 2 * a;
    colCost[j] = shape.big; colUpper[j] = shape.mandatoryCap[a]!;
    colCost[j + 1] = shape.optionalCost; colUpper[j + 1] = shape.optionalCap[a]!;
    indices.push(appRow0 + a); starts[j + 1] = indices.length;
    indices.push(appRow0 + a); starts[j + 2] = indices.length;
  }
  return {
    numCols, numRows: rowLower.length, colCost, colLower, colUpper,
    rowLower: Float64Array.from(rowLower), rowUpper: Float64Array.from(rowUpper),
    starts, indices: Int32Array.from(indices), values: new Float64Array(indices.length).fill(1),
  };
}

/** Solves the LP with HiGHS in a child process. */
export function solveWithHighs(lp: LpRequest): Promise<LpReply> {
  return new Promise((resolve, reject) => {
    const child = fork(fileURLToPath(new URL('./highs-child.ts', import.meta.url)), [], {
      execArgv: ['--import', 'tsx'], serialization: 'advanced', stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    let reply: LpReply | null = null;
    child.once('message', (m) => { reply = m as LpReply; });
    child.once('error', reject);
    child.once('exit', (code) => (reply ? resolve(reply) : reject(new Error(`HiGHS child exited with code ${code}`))));
    child.send(lp);
  });
}
