import type { SettingsKey } from '@anzhi/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { call } from '../../lib/api-client.ts';

export function useSettings(regionCode: string | undefined) {
  return useQuery({
    queryKey: ['settings', regionCode ?? 'mine'],
    queryFn: () => call('GET /settings', { query: { regionCode } }),
  });
}

function useInvalidateSettings() {
  const queryClient = useQueryClient();
  // Returned, so the mutation waits for the refetch: its success message shows with the new values in the form.
  return () => queryClient.invalidateQueries({ queryKey: ['settings'] });
}

export interface SettingsWrite {
  key: SettingsKey;
  regionCode: string;
  version: number;
}

/** Saves one fragment with the version it was loaded with (409 when someone saved in between). */
export function useSaveSetting() {
  const onSettled = useInvalidateSettings();
  return useMutation({
    mutationFn: ({ key, regionCode, version, value }: SettingsWrite & { value: Record<string, unknown> }) =>
      call('PUT /settings/{key}', { params: { key }, query: { regionCode }, body: { version, value } }),
    // Also after a 409: the form reloads with the value and version someone else saved.
    onSettled,
  });
}

export function useResetSetting() {
  const onSettled = useInvalidateSettings();
  return useMutation({
    mutationFn: ({ key, regionCode, version }: SettingsWrite) =>
      call('DELETE /settings/{key}', { params: { key }, query: { regionCode, version } }),
    onSettled,
  });
}
