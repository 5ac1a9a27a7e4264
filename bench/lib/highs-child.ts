// Child process: solves one LP with HiGHS (WASM) through its structured CSC model API. Runs apart
// from the benchmark so that the WASM heap (2 GB cap) and a crash stay out of the parent.
import loadHighs from 'highs';

export interface LpRequest {
  numCols: number; numRows: number;
  colCost: Float64Array; colLower: Float64Array; colUpper: Float64Array;
  rowLower: Float64Array; rowUpper: Float64Array;
  starts: Int32Array; indices: Int32Array; values: Float64Array;
}
export interface LpReply { status: string; objective: number; seconds: number; integral: boolean; error?: string }

process.once('message', async (req: LpRequest) => {
  try {
    const highs = await loadHighs();
    const inf = (xs: Float64Array) => xs.map((x) => (x === Infinity ? highs.infinity : x === -Infinity ? -highs.infinity : x));
    const t0 = performance.now();
    const model = highs.createModel({
      numCols: req.numCols, numRows: req.numRows,
      sense: highs.constants.objectiveSense.minimize,
      colCost: req.colCost, colLower: inf(req.colLower), colUpper: inf(req.colUpper),
      rowLower: inf(req.rowLower), rowUpper: inf(req.rowUpper),
      matrix: { format: 'csc', numRows: req.numRows, numCols: req.numCols, starts: req.starts, indices: req.indices, values: req.values },
    });
    try {
      model.options.set({ output_flag: false });
      model.run();
      const status = model.getModelStatus();
      const optimal = status === highs.constants.modelStatus.optimal;
      const objective = optimal ? model.getObjectiveValue() : NaN;
      const x = optimal ? model.getSolution().colValue : new Float64Array(0);
      const integral = x.every((v) => Math.abs(v - Math.round(v)) < 1e-7);
      const reply: LpReply = { status: optimal ? 'optimal' : `status ${status}`, objective, seconds: (performance.now() - t0) / 1000, integral };
      process.send!(reply, () => process.exit(0));
    } finally {
      model.dispose();
    }
  } catch (err) {
    process.send!({ status: 'error', objective: NaN, seconds: 0, integral: false, error: String(err) } satisfies LpReply, () => process.exit(1));
  }
});
