import * as React from 'react';
import { Badge, Box, Flex, Table, Tbody, Td, Th, Thead, Tr, Typography } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import { styled } from 'styled-components';
import { deriveTitle } from '../../../core/article/fields';
import type { Preview } from '../../../shared/contracts';
import { markFigures } from '../utils/figureMarks';
import { getTranslation } from '../utils/getTranslation';

const FigureMark = styled.mark`
  background: ${({ theme }) => theme.colors.warning200};
  color: inherit;
  border-radius: ${({ theme }) => theme.borderRadius};
  padding: 0 2px;
`;

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

/** What an import would create, without writing anything: title, body with its figures marked, teasers, figures. */
export const SplitPreview = ({ split }: { split: Preview.Response }) => {
  const { formatMessage, formatNumber } = useIntl();
  const title = deriveTitle(split.title, split.body);
  const figureLabel = (index: number) => {
    const figure = split.figures[index];
    return formatMessage(
      { id: getTranslation('preview.figures.mark'), defaultMessage: 'Figure {number}: {label}' },
      { number: index + 1, label: figure.label }
    );
  };

  return (
    <Flex direction="column" alignItems="stretch" gap={4} data-testid="split-preview">
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
      </Section>

      <Section
        testId="preview-body"
        title={formatMessage(
          { id: getTranslation('preview.body'), defaultMessage: 'Body ({count})' },
          { count: split.body.length }
        )}
      >
        <Flex direction="column" alignItems="stretch" gap={3}>
          {split.body.map((paragraph, paragraphIndex) => (
            <Typography key={paragraphIndex} tag="p" variant="omega">
              {markFigures(paragraph, paragraphIndex, split.figures).map((segment, segmentIndex) =>
                segment.figure === undefined ? (
                  <React.Fragment key={segmentIndex}>{segment.text}</React.Fragment>
                ) : (
                  <FigureMark key={segmentIndex} title={figureLabel(segment.figure)} data-figure={segment.figure + 1}>
                    {segment.text}
                  </FigureMark>
                )
              )}
            </Typography>
          ))}
        </Flex>
      </Section>

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
