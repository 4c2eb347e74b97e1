import * as React from 'react';
import { Alert, Box, Button, Checkbox, Field, Flex, Grid, SingleSelect, SingleSelectOption, TextInput, Textarea, Typography } from '@strapi/design-system';
import { Eye, Upload } from '@strapi/icons';
import { useIntl } from 'react-intl';
import type { LineOverrides } from '../../../core/types';
import type { ImportText, OnExisting, Preview } from '../../../shared/contracts';
import { useErrorMessage } from '../hooks/useErrorMessage';
import { useImportTextMutation, usePreviewTextMutation } from '../services/api';
import { getTranslation } from '../utils/getTranslation';
import { hasOverrides, keepInBody, setAside } from '../utils/lineOverrides';
import type { PickedFile } from '../utils/textFiles';
import { ImportOutcome } from './ImportOutcome';
import { SplitPreview } from './SplitPreview';
import { TextFileDropZone } from './TextFileDropZone';

type Busy = 'preview' | 'import' | null;

/** The longest story key the article's sourceKey attribute holds. */
const SOURCE_KEY_MAX = 255;

/**
 * One raw text: paste it or load a .txt file, preview the split (and how it matches the stories
 * already stored), correct what was set aside from the body, import it as an article. The
 * corrections (line overrides) go with every preview and with the import, so the server writes
 * exactly the split the preview last showed; editing the text drops them. The story key, when
 * given, goes with both too: it is the story's identity.
 */
export const SingleTextTab = () => {
  const { formatMessage } = useIntl();
  const [previewText] = usePreviewTextMutation();
  const [importText] = useImportTextMutation();
  const describeError = useErrorMessage();

  const [text, setText] = React.useState('');
  const [sourceName, setSourceName] = React.useState('');
  const [sourceKey, setSourceKey] = React.useState('');
  const [onExisting, setOnExisting] = React.useState<OnExisting>('update');
  const [publish, setPublish] = React.useState(false);
  const [busy, setBusy] = React.useState<Busy>(null);
  const [error, setError] = React.useState<{ title: string; message: string } | null>(null);
  const [preview, setPreview] = React.useState<{
    text: string;
    sourceKey: string;
    split: Preview.Response;
    /** An import ran after this preview: its identity line is out of date. */
    importedSince?: boolean;
  } | null>(null);
  const [outcome, setOutcome] = React.useState<ImportText.Response | null>(null);
  // The corrections the last answered preview was made with, and the text they name lines of: they
  // only count while the text is unchanged (so an edit, even during a request, drops them).
  const [corrected, setCorrected] = React.useState<{ text: string; overrides: LineOverrides }>({ text: '', overrides: {} });
  const overrides = corrected.text === text ? corrected.overrides : {};

  const hasText = text.trim().length > 0;
  const previewIsCurrent = preview !== null && preview.text === text;
  const key = sourceKey.trim();

  // The answer appears below a tall form: bring it into view when it arrives, but not when a
  // correction redraws the preview the editor is working in (unless it failed).
  const answerRef = React.useRef<HTMLDivElement>(null);
  const revealAnswer = React.useRef(false);
  React.useEffect(() => {
    if (!revealAnswer.current || !(error || outcome || preview)) return;
    revealAnswer.current = false;
    answerRef.current?.scrollIntoView({ behavior: 'smooth', block: 'start' });
  }, [error, outcome, preview]);

  const loadFile = async ([picked]: PickedFile[]) => {
    try {
      setText(await picked.file.text());
      setSourceName(picked.path);
      setError(null);
    } catch (err) {
      revealAnswer.current = true;
      setError({
        title: formatMessage({ id: getTranslation('file.error.title'), defaultMessage: 'The file could not be read' }),
        message: describeError(err),
      });
    }
  };

  /** `correcting`: a click in the shown preview; if it fails, that preview (and its corrections) stay. */
  const requestPreview = async (nextOverrides: LineOverrides, correcting: boolean) => {
    setBusy('preview');
    setError(null);
    revealAnswer.current = !correcting;
    try {
      const split = await previewText({
        text,
        ...(hasOverrides(nextOverrides) && { overrides: nextOverrides }),
        ...(key && { sourceKey: key }),
      }).unwrap();
      setPreview({ text, sourceKey: key, split });
      setCorrected({ text, overrides: nextOverrides });
    } catch (err) {
      revealAnswer.current = true;
      if (!correcting) setPreview(null);
      setError({
        title: formatMessage({ id: getTranslation('preview.error.title'), defaultMessage: 'Preview failed' }),
        message: describeError(err),
      });
    } finally {
      setBusy(null);
    }
  };

  const runPreview = () => requestPreview(overrides, false);
  const correctPreview = (next: LineOverrides) => requestPreview(next, true);

  const runImport = async () => {
    setBusy('import');
    setError(null);
    setOutcome(null);
    revealAnswer.current = true;
    try {
      setOutcome(
        await importText({
          text,
          sourceName: sourceName.trim() || undefined,
          sourceKey: key || undefined,
          publish,
          overrides: hasOverrides(overrides) ? overrides : undefined,
          onExisting,
        }).unwrap()
      );
      // The preview's identity told what an import would do before this one: it is out of date now.
      setPreview((shown) => shown && { ...shown, importedSince: true });
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

          <Grid.Root gap={4}>
            <Grid.Item col={8} s={12} direction="column" alignItems="stretch">
              <Field.Root name="sourceKey" id="raw-import-source-key" hint={formatMessage({
                id: getTranslation('single.source-key.hint'),
                defaultMessage: "Optional: a stable key of the story (its URL, wire id or file path). A text with a known key updates that story's article; without a key, a story is known by its body.",
              })}>
                <Field.Label>{formatMessage({ id: getTranslation('single.source-key.label'), defaultMessage: 'Source key' })}</Field.Label>
                <TextInput
                  value={sourceKey}
                  maxLength={SOURCE_KEY_MAX}
                  onChange={(event: React.ChangeEvent<HTMLInputElement>) => setSourceKey(event.target.value)}
                />
                <Field.Hint />
              </Field.Root>
            </Grid.Item>
            <Grid.Item col={4} s={12} direction="column" alignItems="stretch">
              <Field.Root name="onExisting" id="raw-import-on-existing" hint={formatMessage({
                id: getTranslation('single.on-existing.hint'),
                defaultMessage: 'A story changed in the CMS since its import is never overwritten.',
              })}>
                <Field.Label>{formatMessage({ id: getTranslation('single.on-existing.label'), defaultMessage: 'If the story is known' })}</Field.Label>
                <SingleSelect value={onExisting} onChange={(value) => setOnExisting(value === 'skip' ? 'skip' : 'update')}>
                  <SingleSelectOption value="update">
                    {formatMessage({ id: getTranslation('on-existing.update'), defaultMessage: 'Update its article' })}
                  </SingleSelectOption>
                  <SingleSelectOption value="skip">
                    {formatMessage({ id: getTranslation('on-existing.skip'), defaultMessage: 'Skip it' })}
                  </SingleSelectOption>
                </SingleSelect>
                <Field.Hint />
              </Field.Root>
            </Grid.Item>
          </Grid.Root>

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
            {!previewIsCurrent && (
              <Typography variant="pi" textColor="warning600">
                {formatMessage({
                  id: getTranslation('preview.stale'),
                  defaultMessage: 'The text has changed since this preview. Preview again to see the new split.',
                })}
              </Typography>
            )}
            <SplitPreview
              split={preview.split}
              onKeep={previewIsCurrent && busy === null ? (line) => correctPreview(keepInBody(overrides, line)) : undefined}
              onSetAside={previewIsCurrent && busy === null ? (line) => correctPreview(setAside(overrides, line)) : undefined}
              onExisting={onExisting}
              identityStale={!previewIsCurrent ? null : preview.importedSince ? 'imported' : preview.sourceKey !== key ? 'key' : null}
            />
          </Flex>
        )}
      </Flex>
    </Flex>
  );
};
