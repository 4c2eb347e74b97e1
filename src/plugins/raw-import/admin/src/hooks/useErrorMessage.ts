import * as React from 'react';
import { isFetchError } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import { getTranslation } from '../utils/getTranslation';

/**
 * Turns a failed request into words for the page: the server's own error.message when it sent one
 * (it names the problem: "The text is empty", "The text is larger than 1 MiB"), otherwise a plain fallback.
 */
export function useErrorMessage() {
  const { formatMessage } = useIntl();

  return React.useCallback(
    (error: unknown): string => {
      if (isFetchError(error)) {
        const serverMessage = (error.response?.data as { error?: { message?: string } } | undefined)?.error?.message;
        if (serverMessage) return serverMessage;
        if (error.status === 413) {
          return formatMessage({ id: getTranslation('error.too-large'), defaultMessage: 'The upload is too large for the server.' });
        }
        if (error.message && error.message !== 'Unknown Server Error') return error.message;
        return formatMessage(
          { id: getTranslation('error.status'), defaultMessage: 'The server answered with an error ({status}).' },
          { status: error.status ?? '?' }
        );
      }
      if (error instanceof TypeError) {
        return formatMessage({ id: getTranslation('error.network'), defaultMessage: 'The server could not be reached. Check your connection and try again.' });
      }
      return error instanceof Error && error.message
        ? error.message
        : formatMessage({ id: getTranslation('error.unknown'), defaultMessage: 'Something went wrong.' });
    },
    [formatMessage]
  );
}
