import { Badge } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import type { BoilerplateKind } from '../../../core/types';
import { getTranslation } from '../utils/getTranslation';

const LABELS: Record<BoilerplateKind, string> = {
  caption: 'Caption',
  credit: 'Credit',
  navigation: 'Navigation',
  section: 'Section label',
  timestamp: 'Timestamp',
  dateline: 'Dateline',
  'repeated-headline': 'Repeated headline',
  'read-more': 'Read-more link',
  subscription: 'Subscription prompt',
  'social-embed': 'Social media',
  script: 'Script',
  comments: 'Comments',
  advertisement: 'Advertisement',
  copyright: 'Copyright',
  bio: 'Author bio',
  tags: 'Tags',
  editor: 'Set aside by you',
};

/** Why a line was set aside from the body, in words. */
export const BoilerplateKindBadge = ({ kind }: { kind: BoilerplateKind }) => {
  const { formatMessage } = useIntl();
  return (
    <Badge size="S" variant={kind === 'editor' ? 'primary' : 'neutral'} data-kind={kind}>
      {formatMessage({ id: getTranslation(`boilerplate.kind.${kind}`), defaultMessage: LABELS[kind] ?? kind })}
    </Badge>
  );
};
