// Saving an editor form: only the changed fields are sent; a refusal (in Chinese, from the
// backend) is kept to show in the form, and nothing is sent when nothing changed.
import { useState } from 'react';
import type { EditResult } from '@shared/domain';
import { toApiError } from '../../api/useApi';
import { editStrings as t } from '../../i18n/zh-edit';
import { changedFields } from './form-values';

export function useEditSave(send: (changes: Record<string, unknown>) => Promise<EditResult>, onSaved: (result: EditResult) => void) {
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  async function save(initial: Record<string, unknown>, current: Record<string, unknown>, fields: readonly string[]) {
    const changes = changedFields(initial, current, fields);
    if (Object.keys(changes).length === 0) {
      setError(t.noChange);
      return;
    }
    setSaving(true);
    try {
      const result = await send(changes);
      setError(null);
      onSaved(result);
    } catch (err) {
      setError(toApiError(err).message);
    } finally {
      setSaving(false);
    }
  }

  return { error, saving, save };
}
