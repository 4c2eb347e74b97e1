import { Box, Tabs } from '@strapi/design-system';
import { Layouts, Page } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import { useSearchParams } from 'react-router-dom';
import { BulkImportTab } from '../components/BulkImportTab';
import { SingleTextTab } from '../components/SingleTextTab';
import { PERMISSIONS } from '../constants';
import { getTranslation } from '../utils/getTranslation';

type TabName = 'single' | 'bulk';

/** The plugin page: one text at a time, or a bulk job over many files. `?tab=bulk` opens the second tab. */
const RawImportPage = () => {
  const { formatMessage } = useIntl();
  const [searchParams, setSearchParams] = useSearchParams();
  const tab: TabName = searchParams.get('tab') === 'bulk' ? 'bulk' : 'single';
  const title = formatMessage({ id: getTranslation('plugin.name'), defaultMessage: 'Raw import' });

  return (
    <Page.Main>
      <Page.Title>{title}</Page.Title>
      <Layouts.Header
        title={title}
        subtitle={formatMessage({
          id: getTranslation('page.subtitle'),
          defaultMessage: 'Turn raw scraped article text into articles, related teasers and figures.',
        })}
      />
      <Layouts.Content>
        <Tabs.Root
          value={tab}
          onValueChange={(value) => setSearchParams(value === 'bulk' ? { tab: 'bulk' } : {}, { replace: true })}
        >
          <Tabs.List aria-label={formatMessage({ id: getTranslation('page.tabs'), defaultMessage: 'Import mode' })}>
            <Tabs.Trigger value="single">
              {formatMessage({ id: getTranslation('page.tab.single'), defaultMessage: 'Single text' })}
            </Tabs.Trigger>
            <Tabs.Trigger value="bulk">
              {formatMessage({ id: getTranslation('page.tab.bulk'), defaultMessage: 'Bulk import' })}
            </Tabs.Trigger>
          </Tabs.List>
          {/* forceMount (with our own `hidden`) keeps each tab's state — text, preview, running job — across switches. */}
          <Tabs.Content value="single" forceMount hidden={tab !== 'single'}>
            <Box paddingTop={6}>
              <SingleTextTab />
            </Box>
          </Tabs.Content>
          <Tabs.Content value="bulk" forceMount hidden={tab !== 'bulk'}>
            <Box paddingTop={6}>
              <BulkImportTab />
            </Box>
          </Tabs.Content>
        </Tabs.Root>
      </Layouts.Content>
    </Page.Main>
  );
};

/** Only holders of plugin::raw-import.import get the page; anyone else sees the admin's "no permissions" page. */
export const ProtectedRawImportPage = () => (
  <Page.Protect permissions={PERMISSIONS.import}>
    <RawImportPage />
  </Page.Protect>
);
