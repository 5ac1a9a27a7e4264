// A condition kind is a reusable check: an id, a params schema, and evaluate → Verdict.
// Programmes (national or local) instantiate kinds with clause ids and params as data.
import type { z } from 'zod';
import type { IsoDate } from '../dates.js';
import type { Text, Verdict } from '../verdict.js';
import type { Facts } from './facts.js';

export type ConditionKind<S extends z.ZodType = z.ZodType> = {
  id: string;
  name: Text;
  /** false for narrative conditions that need a human judgement. */
  machineCheckable: boolean;
  params: S;
  /** `clause` is the instance's first clause id; the verdict cites it. */
  evaluate(facts: Facts, params: z.infer<S>, asOf: IsoDate, clause: string): Verdict;
};

export const defineConditionKind = <S extends z.ZodType>(kind: ConditionKind<S>): ConditionKind<S> => kind;
