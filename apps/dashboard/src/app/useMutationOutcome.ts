import type { OperationVariables, TypedDocumentNode } from '@apollo/client';
import { useApolloClient } from '@apollo/client/react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useToast } from '../ui/toastContext';
import { useErrorText, useUserErrorText, type UserErrorLike } from './errors';

/** A failure to show where the user acted, in their language; `field` names the input it concerns, if any. */
export interface OutcomeMessage {
  title: string;
  detail?: string;
  field?: readonly string[] | null;
}

/** A mutation document of this API: one root field whose payload carries `userErrors`. */
type PayloadMutation = Record<string, { userErrors: readonly UserErrorLike[] }>;

interface RunOptions<TData extends PayloadMutation, TVariables extends OperationVariables> {
  mutation: TypedDocumentNode<TData, TVariables>;
  variables: TVariables;
  /** The toast's text once the mutation succeeded. */
  success: (payload: TData[keyof TData]) => string;
}

/**
 * Runs mutations with one way of reporting their outcome: success as a toast; expected failures
 * (userErrors, by their `userErrors.<CODE>` text) and unexpected ones as `failure`, for the form or
 * dialog to show next to what the user did.
 */
export function useMutationOutcome() {
  const client = useApolloClient();
  const { t } = useTranslation();
  const toast = useToast();
  const describeError = useErrorText();
  const describeUserError = useUserErrorText();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<OutcomeMessage[] | null>(null);

  /** Resolves to true when the mutation succeeded. */
  async function run<TData extends PayloadMutation, TVariables extends OperationVariables>({
    mutation,
    variables,
    success,
  }: RunOptions<TData, TVariables>): Promise<boolean> {
    setBusy(true);
    setFailure(null);
    try {
      const { data } = await client.mutate<TData, TVariables>({ mutation, variables });
      const payload = data ? Object.entries(data).find(([field]) => field !== '__typename')?.[1] : undefined;
      if (!payload) throw new Error('empty response');
      if (payload.userErrors.length) {
        setFailure(payload.userErrors.map((e) => ({ ...describeUserError(e), field: e.field })));
        return false;
      }
      toast({ tone: 'success', title: success(payload as TData[keyof TData]) });
      return true;
    } catch (e) {
      const { title, requestId } = describeError(e);
      setFailure([{ title, detail: requestId ? `${t('errors.requestId')}: ${requestId}` : undefined }]);
      return false;
    } finally {
      setBusy(false);
    }
  }

  return { run, busy, failure, clearFailure: () => setFailure(null) };
}
