// Every table, for Drizzle and drizzle-kit. Each capability owns its tables file.
export * from '../../organizations/tables.js';
export * from '../../accounts/tables.js';
export * from '../audit/tables.js';
export * from '../../projects/tables.js';
export * from '../../review/tables.js';
export * from '../../security/tables.js';
export * from '../jobs/tables.js';
export * from '../idempotency/tables.js';
export * from '../../bases/tables.js';
export * from '../../recognition/tables.js';
export * from '../../bases/annual/tables.js';
export * from '../../bases/projects/tables.js';
export * from '../../bases/assessment/tables.js';
export * from '../../bases/consequences/tables.js';
export * from '../../portal/tables.js';
export * from '../../programmes/tables.js';
