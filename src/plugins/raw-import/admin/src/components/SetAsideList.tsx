import { Accordion, Box, Button, Flex, Typography } from '@strapi/design-system';
import { PlusCircle } from '@strapi/icons';
import { useIntl } from 'react-intl';
import type { Boilerplate } from '../../../core/types';
import { getTranslation } from '../utils/getTranslation';
import { BoilerplateKindBadge } from './BoilerplateKindBadge';

interface SetAsideListProps {
  boilerplate: Boilerplate[];
  /** Brings the line back into the body; absent when the preview cannot be corrected (stale, busy). */
  onKeep?: (line: number) => void;
}

/** The page debris left out of the body, collapsed: each line with why it was set aside, and a way back in. */
export const SetAsideList = ({ boilerplate, onKeep }: SetAsideListProps) => {
  const { formatMessage } = useIntl();

  return (
    <Box background="neutral0" hasRadius shadow="filterShadow" data-testid="preview-set-aside">
      <Accordion.Root>
        <Accordion.Item value="set-aside">
          <Accordion.Header>
            <Accordion.Trigger
              description={formatMessage({
                id: getTranslation('preview.set-aside.description'),
                defaultMessage: 'Page debris kept out of the body. Bring back any line that belongs to the article.',
              })}
            >
              {formatMessage(
                { id: getTranslation('preview.set-aside'), defaultMessage: 'Set aside from the body ({count})' },
                { count: boilerplate.length }
              )}
            </Accordion.Trigger>
          </Accordion.Header>
          <Accordion.Content>
            <Box padding={6}>
              {boilerplate.length === 0 ? (
                <Typography textColor="neutral600">
                  {formatMessage({ id: getTranslation('preview.set-aside.none'), defaultMessage: 'Nothing was set aside.' })}
                </Typography>
              ) : (
                <Flex tag="ul" direction="column" alignItems="stretch" gap={3}>
                  {boilerplate.map((item) => (
                    <Flex tag="li" key={item.line} gap={3} alignItems="center" data-testid="set-aside-item" data-line={item.line}>
                      <BoilerplateKindBadge kind={item.kind} />
                      <Box flex="1">
                        <Typography data-testid="set-aside-text">{item.text}</Typography>
                      </Box>
                      <Typography variant="pi" textColor="neutral600">
                        {formatMessage({ id: getTranslation('preview.line'), defaultMessage: 'line {line}' }, { line: item.line })}
                      </Typography>
                      <Button size="S" variant="tertiary" startIcon={<PlusCircle />} disabled={!onKeep} onClick={() => onKeep?.(item.line)}>
                        {formatMessage({ id: getTranslation('preview.set-aside.keep'), defaultMessage: 'Keep in body' })}
                      </Button>
                    </Flex>
                  ))}
                </Flex>
              )}
            </Box>
          </Accordion.Content>
        </Accordion.Item>
      </Accordion.Root>
    </Box>
  );
};
