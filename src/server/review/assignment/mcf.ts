// Min-cost flow by successive shortest paths with node potentials (primal-dual), knowing nothing
// about reviews. Supplies are fixed (b is exact), so any excess node may be routed to any deficit
// node: one Dijkstra serves a whole phase and a DFS on zero-reduced-cost arcs then augments many
// paths. Arcs may be added between solves (column generation); an added arc with negative reduced
// cost is saturated, which keeps reduced-cost optimality and turns the damage into excess/deficit
// that the next solve repairs.
//
// Costs are integers carried in float64 (exact below 2^53), so "reduced cost === 0" is exact.

export const INF_CAP = 1 << 30;

export interface SolveStats {
  phases: number;
  augmentations: number;
  /** False when some deficit could not be reached: the supplies are infeasible. */
  feasible: boolean;
}

export class MinCostFlow {
  private m = 0;
  from: Int32Array;
  to: Int32Array;
  cap: Int32Array;
  cost: Float64Array;
  readonly excess: Float64Array;
  readonly pi: Float64Array;
  private adjStart = new Int32Array(0);
  private adjArcs = new Int32Array(0);
  private dirty = true;

  constructor(readonly n: number, arcHint = 1024) {
    const size = Math.max(2, arcHint * 2);
    this.from = new Int32Array(size);
    this.to = new Int32Array(size);
    this.cap = new Int32Array(size);
    this.cost = new Float64Array(size);
    this.excess = new Float64Array(n);
    this.pi = new Float64Array(n);
  }

  get arcCount(): number { return this.m; }

  private grow(): void {
    const size = this.from.length * 2;
    const re = <T extends Int32Array | Float64Array>(a: T, make: (n: number) => T): T => { const b = make(size); b.set(a); return b; };
    this.from = re(this.from, (k) => new Int32Array(k));
    this.to = re(this.to, (k) => new Int32Array(k));
    this.cap = re(this.cap, (k) => new Int32Array(k));
    this.cost = re(this.cost, (k) => new Float64Array(k));
  }

  /** Adds u→v and its reverse; returns the forward arc id (the reverse is id ^ 1). */
  addArc(u: number, v: number, capacity: number, cost: number): number {
    if (this.m + 2 > this.from.length) this.grow();
    const a = this.m;
    this.from[a] = u; this.to[a] = v; this.cap[a] = capacity; this.cost[a] = cost;
    this.from[a + 1] = v; this.to[a + 1] = u; this.cap[a + 1] = 0; this.cost[a + 1] = -cost;
    this.m += 2;
    this.dirty = true;
    return a;
  }

  flow(arc: number): number { return this.cap[arc ^ 1]!; }
  reducedCost(arc: number): number { return this.cost[arc]! + this.pi[this.from[arc]!]! - this.pi[this.to[arc]!]!; }

  /** Pushes the full residual capacity of an arc, moving the imbalance to its ends. */
  saturate(arc: number): void {
    const c = this.cap[arc]!;
    this.cap[arc] = 0;
    this.cap[arc ^ 1]! += c;
    this.excess[this.from[arc]!]! -= c;
    this.excess[this.to[arc]!]! += c;
  }

  /** Arcs of node v (forward and reverse) as a range into arcsOf(). */
  adjacency(): { start: Int32Array; arcs: Int32Array } {
    if (this.dirty) this.buildAdjacency();
    return { start: this.adjStart, arcs: this.adjArcs };
  }

  private buildAdjacency(): void {
    const { n, m } = this;
    const start = new Int32Array(n + 1);
    for (let a = 0; a < m; a++) start[this.from[a]! + 1]!++;
    for (let v = 0; v < n; v++) start[v + 1]! += start[v]!;
    const fill = start.slice(0, n);
    const arcs = new Int32Array(m);
    for (let a = 0; a < m; a++) arcs[fill[this.from[a]!]!++] = a;
    this.adjStart = start;
    this.adjArcs = arcs;
    this.dirty = false;
  }

  /** Shortest distances from a virtual root (Bellman-Ford queue); valid while no negative cycle. */
  initPotentials(): void {
    const { start, arcs } = this.adjacency();
    const { n, pi, cap, cost, to } = this;
    pi.fill(0);
    const queue = new Int32Array(n + 1);
    const inQueue = new Uint8Array(n).fill(1);
    for (let v = 0; v < n; v++) queue[v] = v;
    let head = 0, tail = n, pending = n, work = 0;
    const limit = 50 * (n + this.m);
    while (pending > 0) {
      const u = queue[head]!; head = head === n ? 0 : head + 1; pending--;
      inQueue[u] = 0;
      for (let i = start[u]!; i < start[u + 1]!; i++) {
        const a = arcs[i]!;
        if (cap[a]! <= 0) continue;
        const v = to[a]!;
        const d = pi[u]! + cost[a]!;
        if (d < pi[v]!) {
          pi[v] = d;
          if (!inQueue[v]) { inQueue[v] = 1; queue[tail] = v; tail = tail === n ? 0 : tail + 1; pending++; }
        }
      }
      if (++work > limit) throw new Error('initPotentials: negative cycle');
    }
  }

  solve(): SolveStats {
    const stats: SolveStats = { phases: 0, augmentations: 0, feasible: true };
    const { n } = this;
    const dist = new Float64Array(n);
    const done = new Uint8Array(n);
    const heap = new Heap();
    for (;;) {
      const { start, arcs } = this.adjacency();
      const { excess, pi, cap, cost, to } = this;
      let deficits = 0, sources = 0;
      dist.fill(Infinity);
      done.fill(0);
      heap.clear();
      for (let v = 0; v < n; v++) {
        if (excess[v]! > 0) { dist[v] = 0; heap.push(0, v); sources++; } else if (excess[v]! < 0) deficits++;
      }
      if (sources === 0) return stats;
      let last = 0, reached = 0;
      while (heap.size > 0) {
        const d = heap.topKey(); const u = heap.pop();
        if (done[u] || d > dist[u]!) continue;
        done[u] = 1; last = d;
        if (excess[u]! < 0 && ++reached === deficits) break;
        for (let i = start[u]!; i < start[u + 1]!; i++) {
          const a = arcs[i]!;
          if (cap[a]! <= 0) continue;
          const v = to[a]!;
          if (done[v]) continue;
          const nd = d + cost[a]! + pi[u]! - pi[v]!;
          if (nd < dist[v]!) { dist[v] = nd; heap.push(nd, v); }
        }
      }
      if (reached === 0) { stats.feasible = false; return stats; }
      // Nodes not settled are at least `last` away, so shifting them by `last` keeps every
      // residual arc's reduced cost non-negative.
      for (let v = 0; v < n; v++) pi[v]! += done[v] ? dist[v]! : last;
      stats.augmentations += this.augmentAdmissible(start, arcs);
      stats.phases++;
    }
  }

  /** Augments along zero-reduced-cost residual paths from excess to deficit nodes. */
  private augmentAdmissible(start: Int32Array, arcs: Int32Array): number {
    const { n, excess, pi, cap, cost, to } = this;
    const it = start.slice(0, n);
    const dead = new Uint8Array(n);
    const onStack = new Uint8Array(n);
    const stackNodes = new Int32Array(n);
    const stackArcs = new Int32Array(n);
    let count = 0;
    for (let src = 0; src < n; src++) {
      while (excess[src]! > 0 && !dead[src]) {
        let top = 0;
        stackNodes[0] = src; onStack[src] = 1;
        let found = false;
        while (top >= 0) {
          const v = stackNodes[top]!;
          if (top > 0 && excess[v]! < 0) {
            let delta = Math.min(excess[src]!, -excess[v]!);
            for (let i = 0; i < top; i++) delta = Math.min(delta, cap[stackArcs[i]!]!);
            for (let i = 0; i < top; i++) { const a = stackArcs[i]!; cap[a]! -= delta; cap[a ^ 1]! += delta; }
            excess[src]! -= delta; excess[v]! += delta;
            count++;
            found = true;
            break;
          }
          let advanced = false;
          const end = start[v + 1]!;
          for (; it[v]! < end; it[v]!++) {
            const a = arcs[it[v]!]!;
            const w = to[a]!;
            if (cap[a]! > 0 && !dead[w] && !onStack[w] && cost[a]! + pi[v]! - pi[w]! === 0) {
              stackArcs[top] = a; top++; stackNodes[top] = w; onStack[w] = 1; advanced = true;
              break;
            }
          }
          if (!advanced) { dead[v] = 1; onStack[v] = 0; top--; }
        }
        for (let i = 0; i <= top; i++) onStack[stackNodes[i]!] = 0;
        if (!found) break;
      }
    }
    return count;
  }
}

/** Binary min-heap of (key, node) with lazy deletion by the caller. */
class Heap {
  private keys = new Float64Array(1024);
  private vals = new Int32Array(1024);
  size = 0;
  clear(): void { this.size = 0; }
  topKey(): number { return this.keys[0]!; }
  push(key: number, val: number): void {
    if (this.size === this.keys.length) {
      const k = new Float64Array(this.size * 2); k.set(this.keys); this.keys = k;
      const v = new Int32Array(this.size * 2); v.set(this.vals); this.vals = v;
    }
    const { keys, vals } = this;
    let i = this.size++;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (keys[p]! <= key) break;
      keys[i] = keys[p]!; vals[i] = vals[p]!; i = p;
    }
    keys[i] = key; vals[i] = val;
  }
  pop(): number {
    const { keys, vals } = this;
    const top = vals[0]!;
    const key = keys[--this.size]!; const val = vals[this.size]!;
    let i = 0;
    for (;;) {
      let c = 2 * i + 1;
      if (c >= this.size) break;
      if (c + 1 < this.size && keys[c + 1]! < keys[c]!) c++;
      if (keys[c]! >= key) break;
      keys[i] = keys[c]!; vals[i] = vals[c]!; i = c;
    }
    keys[i] = key; vals[i] = val;
    return top;
  }
}
