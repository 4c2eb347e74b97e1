import { LinkButton } from '@strapi/design-system';
import { Upload } from '@strapi/icons';
import { useRBAC } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import { NavLink, useParams } from 'react-router-dom';
import { ARTICLE_UID, PERMISSIONS, PLUGIN_PAGE_PATH } from '../constants';
import { getTranslation } from '../utils/getTranslation';

/**
 * "Import raw text" in the Content Manager's list view of articles (injected into listView.actions,
 * which renders for every collection type: the route's slug says which one this is).
 */
export const ImportRawTextAction = () => {
  const { formatMessage } = useIntl();
  const { slug } = useParams<{ slug: string }>();
  const {
    isLoading,
    allowedActions: { canImport },
  } = useRBAC(PERMISSIONS.import);

  if (slug !== ARTICLE_UID || isLoading || !canImport) return null;

  return (
    <LinkButton tag={NavLink} to={PLUGIN_PAGE_PATH} variant="secondary" size="S" startIcon={<Upload />}>
      {formatMessage({ id: getTranslation('cm.action'), defaultMessage: 'Import raw text' })}
    </LinkButton>
  );
};
