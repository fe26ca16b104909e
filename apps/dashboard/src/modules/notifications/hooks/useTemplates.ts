import { useQuery } from '@apollo/client/react';
import { notificationTemplatesQuery } from '../graphql/templates';

/** Every event's template in both languages, and each event's placeholders. */
export function useTemplates() {
  const { data, error, refetch } = useQuery(notificationTemplatesQuery);
  return {
    templates: data?.notificationTemplates ?? [],
    events: data?.notificationEvents ?? [],
    loaded: Boolean(data),
    error,
    refresh: () => void refetch(),
  };
}
