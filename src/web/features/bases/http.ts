// The bases pages use the app's one HTTP client; DELETE is added here for projects and records.
import { api } from '../../app/api';
export { get, post, put, patch } from '../../app/api';
export const del = <T>(path: string) => api<T>('DELETE', path);
