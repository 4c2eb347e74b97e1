import * as React from 'react';
import { Box, Button, Flex, Typography } from '@strapi/design-system';
import { MinusCircle } from '@strapi/icons';
import { useIntl } from 'react-intl';
import { styled } from 'styled-components';
import type { Preview } from '../../../shared/contracts';
import { markFigures } from '../utils/figureMarks';
import { getTranslation } from '../utils/getTranslation';

const FigureMark = styled.mark`
  background: ${({ theme }) => theme.colors.warning200};
  color: inherit;
  border-radius: ${({ theme }) => theme.borderRadius};
  padding: 0 2px;
`;

interface BodyParagraphsProps {
  split: Pick<Preview.Response, 'body' | 'bodyLines' | 'figures'>;
  /** Sets aside the paragraph starting at that line; absent when the preview cannot be corrected (stale, busy). */
  onSetAside?: (line: number) => void;
}

/** The body as it would be imported, its figures highlighted, each paragraph with a way out of the body. */
export const BodyParagraphs = ({ split, onSetAside }: BodyParagraphsProps) => {
  const { formatMessage } = useIntl();
  const figureLabel = (index: number) =>
    formatMessage(
      { id: getTranslation('preview.figures.mark'), defaultMessage: 'Figure {number}: {label}' },
      { number: index + 1, label: split.figures[index].label }
    );

  return (
    <Flex direction="column" alignItems="stretch" gap={3}>
      {split.body.map((paragraph, paragraphIndex) => {
        const line = split.bodyLines[paragraphIndex];
        return (
          <Flex key={line ?? paragraphIndex} gap={3} alignItems="flex-start" data-testid="body-paragraph" data-line={line}>
            <Box flex="1">
              <Typography tag="p" variant="omega">
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
            </Box>
            {line !== undefined && (
              <Button
                size="S"
                variant="tertiary"
                startIcon={<MinusCircle />}
                disabled={!onSetAside}
                onClick={() => onSetAside?.(line)}
              >
                {formatMessage({ id: getTranslation('preview.body.set-aside'), defaultMessage: 'Set aside' })}
              </Button>
            )}
          </Flex>
        );
      })}
    </Flex>
  );
};
