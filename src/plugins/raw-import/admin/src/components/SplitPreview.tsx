import type * as React from 'react';
import { Badge, Box, Flex, Table, Tbody, Td, Th, Thead, Tr, Typography } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import { styled } from 'styled-components';
import { deriveTitle } from '../../../core/article/fields';
import type { OnExisting, Preview } from '../../../shared/contracts';
import { getTranslation } from '../utils/getTranslation';
import { BodyParagraphs } from './BodyParagraphs';
import { IdentityNotice } from './IdentityNotice';
import { SetAsideList } from './SetAsideList';

const NumberedList = styled.ol`
  list-style: decimal;
  padding-left: ${({ theme }) => theme.spaces[6]};

  li + li {
    margin-top: ${({ theme }) => theme.spaces[2]};
  }
`;

const Section = ({ title, children, testId }: { title: string; children: React.ReactNode; testId: string }) => (
  <Box tag="section" background="neutral0" hasRadius shadow="filterShadow" padding={6} data-testid={testId}>
    <Box paddingBottom={4}>
      <Typography variant="delta" tag="h2">
        {title}
      </Typography>
    </Box>
    {children}
  </Box>
);

interface SplitPreviewProps {
  split: Preview.Response;
  /** The editor's corrections (by line); absent while the preview cannot be corrected (stale, busy). */
  onKeep?: (line: number) => void;
  onSetAside?: (line: number) => void;
  /** What the form asks for a known story (the identity line says whether it would be updated or skipped). */
  onExisting?: OnExisting;
  /** Why the identity line may no longer hold: the story key changed, or an import ran, since this preview. */
  identityStale?: 'key' | 'imported' | null;
}

/**
 * What an import would create, without writing anything: how the story matches the stored ones,
 * title and byline, body with its figures marked, the lines set aside from it, teasers, figures.
 */
export const SplitPreview = ({ split, onKeep, onSetAside, onExisting = 'update', identityStale = null }: SplitPreviewProps) => {
  const { formatMessage, formatNumber } = useIntl();
  const title = deriveTitle(split.title, split.body);

  return (
    <Flex direction="column" alignItems="stretch" gap={4} data-testid="split-preview">
      {split.identity && <IdentityNotice identity={split.identity} onExisting={onExisting} stale={identityStale} />}

      <Section testId="preview-title" title={formatMessage({ id: getTranslation('preview.title'), defaultMessage: 'Title' })}>
        <Flex gap={2} alignItems="center" wrap="wrap">
          <Typography variant="beta" tag="p">
            {title}
          </Typography>
          <Badge>
            {split.title
              ? formatMessage({ id: getTranslation('preview.title.explicit'), defaultMessage: 'headline in the text' })
              : formatMessage({ id: getTranslation('preview.title.derived'), defaultMessage: 'derived from the first sentence' })}
          </Badge>
        </Flex>
        <Box paddingTop={2}>
          <Typography tag="p" textColor="neutral600" data-testid="preview-byline">
            {split.byline
              ? formatMessage({ id: getTranslation('preview.byline'), defaultMessage: 'By {byline}' }, { byline: split.byline })
              : formatMessage({ id: getTranslation('preview.byline.none'), defaultMessage: 'No byline found.' })}
          </Typography>
        </Box>
      </Section>

      <Section
        testId="preview-body"
        title={formatMessage(
          { id: getTranslation('preview.body'), defaultMessage: 'Body ({count})' },
          { count: split.body.length }
        )}
      >
        <BodyParagraphs split={split} onSetAside={onSetAside} />
      </Section>

      <SetAsideList boilerplate={split.boilerplate} onKeep={onKeep} />

      <Section
        testId="preview-teasers"
        title={formatMessage(
          { id: getTranslation('preview.teasers'), defaultMessage: 'Teasers ({count})' },
          { count: split.teasers.length }
        )}
      >
        {split.teasers.length === 0 ? (
          <Typography textColor="neutral600">
            {formatMessage({ id: getTranslation('preview.teasers.none'), defaultMessage: 'No teaser block found.' })}
          </Typography>
        ) : (
          <NumberedList>
            {split.teasers.map((teaser, index) => (
              <li key={index}>
                <Typography>{teaser.text}</Typography>
                {!teaser.truncated && (
                  <Box display="inline-block" marginLeft={2}>
                    <Badge size="S" variant="secondary">
                      {formatMessage({ id: getTranslation('preview.teasers.not-truncated'), defaultMessage: 'not cut off' })}
                    </Badge>
                  </Box>
                )}
              </li>
            ))}
          </NumberedList>
        )}
      </Section>

      <Section
        testId="preview-figures"
        title={formatMessage(
          { id: getTranslation('preview.figures'), defaultMessage: 'Figures ({count})' },
          { count: split.figures.length }
        )}
      >
        {split.figures.length === 0 ? (
          <Typography textColor="neutral600">
            {formatMessage({ id: getTranslation('preview.figures.none'), defaultMessage: 'No figures found in the body.' })}
          </Typography>
        ) : (
          <Table colCount={6} rowCount={split.figures.length + 1}>
            <Thead>
              <Tr>
                <Th><Typography variant="sigma">#</Typography></Th>
                <Th><Typography variant="sigma">{formatMessage({ id: getTranslation('preview.figures.display'), defaultMessage: 'As written' })}</Typography></Th>
                <Th><Typography variant="sigma">{formatMessage({ id: getTranslation('preview.figures.value'), defaultMessage: 'Value' })}</Typography></Th>
                <Th><Typography variant="sigma">{formatMessage({ id: getTranslation('preview.figures.qualifier'), defaultMessage: 'Qualifier' })}</Typography></Th>
                <Th><Typography variant="sigma">{formatMessage({ id: getTranslation('preview.figures.unit'), defaultMessage: 'Unit' })}</Typography></Th>
                <Th><Typography variant="sigma">{formatMessage({ id: getTranslation('preview.figures.label'), defaultMessage: 'Label' })}</Typography></Th>
              </Tr>
            </Thead>
            <Tbody>
              {split.figures.map((figure, index) => (
                <Tr key={index}>
                  <Td><Typography>{index + 1}</Typography></Td>
                  <Td><Typography>{figure.display}</Typography></Td>
                  <Td><Typography>{formatNumber(figure.value)}</Typography></Td>
                  <Td><Typography>{figure.qualifier}</Typography></Td>
                  <Td><Typography>{figure.unit ?? '–'}</Typography></Td>
                  <Td><Typography>{figure.label}</Typography></Td>
                </Tr>
              ))}
            </Tbody>
          </Table>
        )}
      </Section>
    </Flex>
  );
};
