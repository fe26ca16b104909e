import { useQuery } from '@apollo/client/react';
import type { Language, NotificationEvent } from '../../../gql/graphql';
import { useDebounced } from '../../../ui/useDebounced';
import { notificationPreviewQuery } from '../graphql/templates';

/**
 * The text rendered with example facts (in the editor's language) and its problems, asked for once
 * typing pauses (300 ms).
 */
export function useTemplatePreview(event: NotificationEvent, language: Language, subject: string, body: string) {
  const debounced = useDebounced({ subject, body }, 300);
  const { data, previousData, error } = useQuery(notificationPreviewQuery, {
    variables: { event, language, subject: debounced.subject, body: debounced.body },
  });
  const shown = data ?? previousData;
  return {
    preview: shown?.notificationPreview ?? null,
    /** The text typed differs from what the preview shows (or the preview is on its way). */
    pending: !data || debounced.subject !== subject || debounced.body !== body,
    error,
  };
}
