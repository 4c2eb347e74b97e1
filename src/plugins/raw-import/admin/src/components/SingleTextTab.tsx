import * as React from 'react';
import { Alert, Box, Button, Checkbox, Field, Flex, TextInput, Textarea, Typography } from '@strapi/design-system';
import { Eye, Upload } from '@strapi/icons';
import { useIntl } from 'react-intl';
import type { ImportText, Preview } from '../../../shared/contracts';
import { useErrorMessage } from '../hooks/useErrorMessage';
import { useRawImportApi } from '../hooks/useRawImportApi';
import { getTranslation } from '../utils/getTranslation';
import type { PickedFile } from '../utils/textFiles';
import { ImportOutcome } from './ImportOutcome';
import { SplitPreview } from './SplitPreview';
import { TextFileDropZone } from './TextFileDropZone';

type Busy = 'preview' | 'import' | null;

/** One raw text: paste it or load a .txt file, preview the split, import it as an article. */
export const SingleTextTab = () => {
  const { formatMessage } = useIntl();
  const api = useRawImportApi();
  const describeError = useErrorMessage();

  const [text, setText] = React.useState('');
  const [sourceName, setSourceName] = React.useState('');
  const [publish, setPublish] = React.useState(false);
  const [busy, setBusy] = React.useState<Busy>(null);
  const [error, setError] = React.useState<{ title: string; message: string } | null>(null);
  const [preview, setPreview] = React.useState<{ text: string; split: Preview.Response } | null>(null);
  const [outcome, setOutcome] = React.useState<ImportText.Response | null>(null);

  const hasText = text.trim().length > 0;

  // The answer appears below a tall form: bring it into view when it arrives.
  const answerRef = React.useRef<HTMLDivElement>(null);
  React.useEffect(() => {
    if (error || outcome || preview) answerRef.current?.scrollIntoView({ behavior: 'smooth', block: 'start' });
  }, [error, outcome, preview]);

  const loadFile = async ([picked]: PickedFile[]) => {
    try {
      setText(await picked.file.text());
      setSourceName(picked.path);
      setError(null);
    } catch (err) {
      setError({
        title: formatMessage({ id: getTranslation('file.error.title'), defaultMessage: 'The file could not be read' }),
        message: describeError(err),
      });
    }
  };

  const runPreview = async () => {
    setBusy('preview');
    setError(null);
    try {
      setPreview({ text, split: await api.preview(text) });
    } catch (err) {
      setPreview(null);
      setError({
        title: formatMessage({ id: getTranslation('preview.error.title'), defaultMessage: 'Preview failed' }),
        message: describeError(err),
      });
    } finally {
      setBusy(null);
    }
  };

  const runImport = async () => {
    setBusy('import');
    setError(null);
    setOutcome(null);
    try {
      setOutcome(await api.importText({ text, sourceName: sourceName.trim() || undefined, publish }));
    } catch (err) {
      setError({
        title: formatMessage({ id: getTranslation('import.error.title'), defaultMessage: 'Import failed' }),
        message: describeError(err),
      });
    } finally {
      setBusy(null);
    }
  };

  return (
    <Flex direction="column" alignItems="stretch" gap={6}>
      <Box background="neutral0" hasRadius shadow="filterShadow" padding={6}>
        <Flex direction="column" alignItems="stretch" gap={4}>
          <TextFileDropZone
            name="raw-text-file"
            title={formatMessage({ id: getTranslation('single.file.title'), defaultMessage: 'Drop a .txt file here' })}
            hint={formatMessage({
              id: getTranslation('single.file.hint'),
              defaultMessage: 'Its text is loaded into the box below, where you can still edit it.',
            })}
            onFiles={loadFile}
          />

          <Field.Root name="rawText" id="raw-import-text" hint={formatMessage({
            id: getTranslation('single.text.hint'),
            defaultMessage: 'Paste the article as scraped: headline, paragraphs, then the block of teaser lines.',
          })}>
            <Field.Label>{formatMessage({ id: getTranslation('single.text.label'), defaultMessage: 'Raw text' })}</Field.Label>
            <Textarea
              value={text}
              onChange={(event: React.ChangeEvent<HTMLTextAreaElement>) => setText(event.target.value)}
              style={{ minHeight: '16rem', fontFamily: 'monospace' }}
            />
            <Field.Hint />
          </Field.Root>

          <Field.Root name="sourceName" id="raw-import-source-name" hint={formatMessage({
            id: getTranslation('single.source.hint'),
            defaultMessage: 'Stored with the article; filled in with the file name when you load a file.',
          })}>
            <Field.Label>{formatMessage({ id: getTranslation('single.source.label'), defaultMessage: 'Source name' })}</Field.Label>
            <TextInput value={sourceName} onChange={(event: React.ChangeEvent<HTMLInputElement>) => setSourceName(event.target.value)} />
            <Field.Hint />
          </Field.Root>

          <Flex gap={4} wrap="wrap" alignItems="center">
            <Button variant="secondary" startIcon={<Eye />} onClick={runPreview} loading={busy === 'preview'} disabled={!hasText || busy !== null}>
              {formatMessage({ id: getTranslation('single.preview'), defaultMessage: 'Preview' })}
            </Button>
            <Button startIcon={<Upload />} onClick={runImport} loading={busy === 'import'} disabled={!hasText || busy !== null}>
              {formatMessage({ id: getTranslation('single.import'), defaultMessage: 'Import' })}
            </Button>
            <Checkbox checked={publish} onCheckedChange={(checked) => setPublish(checked === true)}>
              {formatMessage({ id: getTranslation('single.publish'), defaultMessage: 'Publish immediately' })}
            </Checkbox>
          </Flex>
        </Flex>
      </Box>

      <Flex ref={answerRef} direction="column" alignItems="stretch" gap={6}>
        {error && (
          <Alert
            variant="danger"
            title={error.title}
            closeLabel={formatMessage({ id: getTranslation('alert.close'), defaultMessage: 'Close' })}
            onClose={() => setError(null)}
            data-testid="raw-import-error"
          >
            {error.message}
          </Alert>
        )}

        {outcome && <ImportOutcome outcome={outcome} onClose={() => setOutcome(null)} />}

        {preview && (
          <Flex direction="column" alignItems="stretch" gap={2}>
            {preview.text !== text && (
              <Typography variant="pi" textColor="warning600">
                {formatMessage({
                  id: getTranslation('preview.stale'),
                  defaultMessage: 'The text has changed since this preview. Preview again to see the new split.',
                })}
              </Typography>
            )}
            <SplitPreview split={preview.split} />
          </Flex>
        )}
      </Flex>
    </Flex>
  );
};
