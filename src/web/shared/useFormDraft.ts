import { useCallback, useEffect, useRef, useState } from 'react';
import type { FormInstance } from 'antd';
import { get, put } from '../app/api';

const PREFIX = 'guohe.draft';

function storageKey(formKey: string, userKey: string) {
  return `${PREFIX}:${userKey}:${formKey}`;
}

function readLocal<T>(key: string): { data: T; savedAt: string } | null {
  try {
    const raw = localStorage.getItem(key);
    return raw ? (JSON.parse(raw) as { data: T; savedAt: string }) : null;
  } catch {
    return null;
  }
}

export interface FormDraftOptions<T> {
  /** Identifies the form, e.g. `org-edit:<id>`; also the server draft key (a-z 0-9 : _ -). */
  formKey: string;
  /** Whose draft: the user id, or 'anonymous' on public pages. */
  userKey: string;
  /** Fields never stored (passwords). */
  omit?: ReadonlyArray<keyof T & string>;
  /** Also keep a server copy (PUT /api/drafts/:key), debounced. Needs a session. */
  server?: boolean;
  /** Do not restore a draft (e.g. while the form's record is still loading). */
  disabled?: boolean;
}

/**
 * Keeps what a user types in a form: every change goes to localStorage at once (keyed by form and
 * user, so it survives an expired session, a reload or a crash), optionally to the server too.
 * On mount a stored draft is restored into the form. Call `clear()` after a successful save.
 */
export function useFormDraft<T extends Record<string, unknown>>(form: FormInstance<T>, opts: FormDraftOptions<T>) {
  const key = storageKey(opts.formKey, opts.userKey);
  const [restored, setRestored] = useState(false);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const optsRef = useRef(opts);
  optsRef.current = opts;

  const strip = useCallback((values: T): Partial<T> => {
    const copy: Record<string, unknown> = { ...values };
    for (const f of optsRef.current.omit ?? []) delete copy[f];
    return copy as Partial<T>;
  }, []);

  // Restore once per form key.
  useEffect(() => {
    if (opts.disabled) return;
    let cancelled = false;
    const local = readLocal<Partial<T>>(key);
    if (local) {
      form.setFieldsValue(local.data as never);
      setRestored(true);
    } else if (opts.server) {
      get<{ data: Partial<T> | null }>(`/api/drafts/${encodeURIComponent(opts.formKey)}`, undefined, { noReauth: true })
        .then((r) => {
          if (!cancelled && r.data && Object.keys(r.data).length > 0) {
            form.setFieldsValue(r.data as never);
            setRestored(true);
          }
        })
        .catch(() => undefined);
    }
    return () => {
      cancelled = true;
    };
  }, [key, opts.disabled]); // eslint-disable-line react-hooks/exhaustive-deps

  /** Save now (call from onValuesChange, and before submitting). */
  const save = useCallback(
    (values?: T) => {
      const data = strip(values ?? (form.getFieldsValue(true) as T));
      try {
        localStorage.setItem(key, JSON.stringify({ data, savedAt: new Date().toISOString() }));
      } catch {
        /* storage full or disabled: the server copy may still work */
      }
      if (optsRef.current.server) {
        if (timer.current) clearTimeout(timer.current);
        timer.current = setTimeout(() => {
          put(`/api/drafts/${encodeURIComponent(optsRef.current.formKey)}`, { data }, { noReauth: true }).catch(() => undefined);
        }, 1500);
      }
    },
    [form, key, strip],
  );

  const clear = useCallback(() => {
    if (timer.current) clearTimeout(timer.current);
    try {
      localStorage.removeItem(key);
    } catch {
      /* ignore */
    }
    if (optsRef.current.server) {
      put(`/api/drafts/${encodeURIComponent(optsRef.current.formKey)}`, { data: {} }, { noReauth: true }).catch(() => undefined);
    }
    setRestored(false);
  }, [key]);

  useEffect(() => () => {
    if (timer.current) clearTimeout(timer.current);
  }, []);

  return { save, clear, restored, dismissRestored: () => setRestored(false) };
}
