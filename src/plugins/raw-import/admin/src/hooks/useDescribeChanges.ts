import * as React from 'react';
import { useIntl } from 'react-intl';
import type { ImportChanges } from '../../../shared/contracts';
import { describeChanges } from '../utils/describeChanges';

/** describeChanges in the admin's language: "2 paragraphs, 3 teasers, 1 figure; title". */
export function useDescribeChanges() {
  const { formatMessage } = useIntl();
  return React.useCallback((changes: ImportChanges | null | undefined) => describeChanges(changes, formatMessage), [formatMessage]);
}
