import * as React from 'react';
import { isFetchError } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import { getTranslation } from '../utils/getTranslation';

/**
 * What a failed request leaves: a FetchError (useFetchClient), or what Strapi's RTK Query base
 * query makes of one — the server's error `{ name, message, status, details }`, an
 * `UnknownError` with the HTTP status, or `{ name, message }` of an exception (TypeError when the
 * server could not be reached).
 */
interface QueryError {
  name?: string;
  message?: string;
  status?: number;
}

const isQueryError = (error: unknown): error is QueryError =>
  typeof error === 'object' && error !== null && !(error instanceof Error) && ('message' in error || 'status' in error);

/** The HTTP status of a failed request, when it has one. */
export function errorStatus(error: unknown): number | undefined {
  if (isFetchError(error)) return error.status ?? undefined;
  if (isQueryError(error) && typeof error.status === 'number') return error.status;
  return undefined;
}

/**
 * Turns a failed request into words for the page: the server's own error.message when it sent one
 * (it names the problem: "The text is empty", "The text is larger than 1 MiB"), otherwise a plain fallback.
 */
export function useErrorMessage() {
  const { formatMessage } = useIntl();

  return React.useCallback(
    (error: unknown): string => {
      const tooLarge = () =>
        formatMessage({ id: getTranslation('error.too-large'), defaultMessage: 'The upload is too large for the server.' });
      const byStatus = (status: number | undefined) =>
        formatMessage(
          { id: getTranslation('error.status'), defaultMessage: 'The server answered with an error ({status}).' },
          { status: status ?? '?' }
        );
      const network = () =>
        formatMessage({
          id: getTranslation('error.network'),
          defaultMessage: 'The server could not be reached. Check your connection and try again.',
        });

      if (isFetchError(error)) {
        const serverMessage = (error.response?.data as { error?: { message?: string } } | undefined)?.error?.message;
        if (serverMessage) return serverMessage;
        if (error.status === 413) return tooLarge();
        if (error.message && error.message !== 'Unknown Server Error') return error.message;
        return byStatus(error.status);
      }
      if (error instanceof TypeError) return network();
      if (isQueryError(error)) {
        if (error.name === 'TypeError') return network();
        if (error.name === 'UnknownError') {
          if (error.status === 413) return tooLarge();
          if (error.message && error.message !== 'Unknown Server Error') return error.message;
          return byStatus(error.status);
        }
        if (error.message) return error.message;
        if (error.status === 413) return tooLarge();
        if (error.status) return byStatus(error.status);
      }
      return error instanceof Error && error.message
        ? error.message
        : formatMessage({ id: getTranslation('error.unknown'), defaultMessage: 'Something went wrong.' });
    },
    [formatMessage]
  );
}
