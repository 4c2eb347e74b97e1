import * as React from 'react';
import { Alert, Box, Button, Checkbox, Dialog, Field, Flex, SingleSelect, SingleSelectOption, Typography } from '@strapi/design-system';
import { ArrowClockwise, Cross, Upload } from '@strapi/icons';
import { ConfirmDialog } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import type { OnExisting } from '../../../shared/contracts';
import { useErrorMessage } from '../hooks/useErrorMessage';
import { isJobActive, useImportJob } from '../hooks/useImportJob';
import { getTranslation } from '../utils/getTranslation';
import { keepTextFiles, type PickedFile } from '../utils/textFiles';
import { JobProgress } from './JobProgress';
import { JobResultsTable } from './JobResultsTable';
import { RecentJobs } from './RecentJobs';
import { TextFileDropZone } from './TextFileDropZone';

const Panel = ({ children, testId }: { children: React.ReactNode; testId?: string }) => (
  <Box background="neutral0" hasRadius shadow="filterShadow" padding={6} data-testid={testId}>
    {children}
  </Box>
);

/**
 * Many .txt files at once: upload them as one job on the server, follow it, then read or download
 * the results. Or re-split the whole archive (every stored article's raw text) as a job, followed alike.
 */
export const BulkImportTab = () => {
  const { formatMessage, formatNumber } = useIntl();
  const describeError = useErrorMessage();
  const { jobId, job, error: jobError, start, resplit, show, dismiss } = useImportJob();

  const [files, setFiles] = React.useState<PickedFile[]>([]);
  const [ignored, setIgnored] = React.useState(0);
  const [publish, setPublish] = React.useState(false);
  const [keyByPath, setKeyByPath] = React.useState(false);
  const [onExisting, setOnExisting] = React.useState<OnExisting>('update');
  const [starting, setStarting] = React.useState(false);
  const [startError, setStartError] = React.useState<{ title: string; message: string } | null>(null);
  const [confirmResplit, setConfirmResplit] = React.useState(false);
  const jobRunning = job !== null && isJobActive(job.status);

  const addFiles = (picked: PickedFile[]) => {
    const kept = keepTextFiles(picked);
    setFiles((current) => {
      // Picking the same file twice (same path and size) adds it once.
      const seen = new Set(current.map(({ path, file }) => `${path}:${file.size}`));
      return [...current, ...kept.files.filter(({ path, file }) => !seen.has(`${path}:${file.size}`))];
    });
    setIgnored((count) => count + kept.ignored);
  };

  const clearFiles = () => {
    setFiles([]);
    setIgnored(0);
  };

  const startJob = async () => {
    setStarting(true);
    setStartError(null);
    try {
      await start({ files, publish, sourceKey: keyByPath ? 'path' : null, onExisting });
      clearFiles();
    } catch (err) {
      setStartError({
        title: formatMessage({ id: getTranslation('bulk.start.error'), defaultMessage: 'The job could not be started' }),
        message: describeError(err),
      });
    } finally {
      setStarting(false);
    }
  };

  const startResplit = async () => {
    setConfirmResplit(false);
    setStarting(true);
    setStartError(null);
    try {
      await resplit();
    } catch (err) {
      setStartError({
        title: formatMessage({ id: getTranslation('resplit.start.error'), defaultMessage: 'The re-split could not be started' }),
        message: describeError(err),
      });
    } finally {
      setStarting(false);
    }
  };

  const totalBytes = files.reduce((sum, { file }) => sum + file.size, 0);

  return (
    <Flex direction="column" alignItems="stretch" gap={6}>
      <Panel>
        <Flex direction="column" alignItems="stretch" gap={4}>
          <TextFileDropZone
            name="bulk-files"
            multiple
            folders
            disabled={starting}
            title={formatMessage({ id: getTranslation('bulk.files.title'), defaultMessage: 'Drop .txt files or folders here' })}
            hint={formatMessage({
              id: getTranslation('bulk.files.hint'),
              defaultMessage: 'Every .txt file becomes one article; files that were imported before are reported as duplicates.',
            })}
            onFiles={addFiles}
          />

          {(files.length > 0 || ignored > 0) && (
            <Flex gap={4} alignItems="center" wrap="wrap" data-testid="bulk-selection">
              <Typography>
                {formatMessage(
                  { id: getTranslation('bulk.selection'), defaultMessage: '{count, plural, one {# file} other {# files}} selected ({size} KB)' },
                  { count: files.length, size: formatNumber(Math.ceil(totalBytes / 1024)) }
                )}
              </Typography>
              {ignored > 0 && (
                <Typography textColor="neutral600">
                  {formatMessage(
                    { id: getTranslation('bulk.ignored'), defaultMessage: '{count, plural, one {# file} other {# files}} left out (not .txt)' },
                    { count: ignored }
                  )}
                </Typography>
              )}
              <Button variant="ghost" size="S" startIcon={<Cross />} onClick={clearFiles} disabled={starting}>
                {formatMessage({ id: getTranslation('bulk.clear'), defaultMessage: 'Clear' })}
              </Button>
            </Flex>
          )}

          <Flex gap={4} alignItems="center" wrap="wrap">
            <Button startIcon={<Upload />} onClick={startJob} loading={starting} disabled={files.length === 0 || starting}>
              {formatMessage(
                { id: getTranslation('bulk.start'), defaultMessage: 'Import {count, plural, =0 {files} one {# file} other {# files}}' },
                { count: files.length }
              )}
            </Button>
            <Checkbox checked={publish} onCheckedChange={(checked) => setPublish(checked === true)}>
              {formatMessage({ id: getTranslation('single.publish'), defaultMessage: 'Publish immediately' })}
            </Checkbox>
            <Checkbox checked={keyByPath} onCheckedChange={(checked) => setKeyByPath(checked === true)}>
              {formatMessage({ id: getTranslation('bulk.key-by-path'), defaultMessage: "Use each file's path as its story key" })}
            </Checkbox>
          </Flex>

          <Box maxWidth="32rem">
            <Field.Root name="bulkOnExisting" id="raw-import-bulk-on-existing" hint={formatMessage({
              id: getTranslation('bulk.on-existing.hint'),
              defaultMessage: 'A story is known by its key (with the option above) or by its body. One changed in the CMS since its import is never overwritten.',
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
          </Box>
        </Flex>
      </Panel>

      {startError && (
        <Alert
          variant="danger"
          title={startError.title}
          closeLabel={formatMessage({ id: getTranslation('alert.close'), defaultMessage: 'Close' })}
          onClose={() => setStartError(null)}
          data-testid="raw-import-error"
        >
          {startError.message}
        </Alert>
      )}

      {jobId && (
        <Panel testId="current-job">
          <Flex direction="column" alignItems="stretch" gap={6}>
            <Flex justifyContent="space-between" alignItems="center">
              <Typography variant="delta" tag="h2">
                {job?.kind === 'resplit'
                  ? formatMessage({ id: getTranslation('resplit.job'), defaultMessage: 'Re-split job' })
                  : formatMessage({ id: getTranslation('bulk.job'), defaultMessage: 'Import job' })}
              </Typography>
              {job && !isJobActive(job.status) && (
                <Button variant="tertiary" size="S" onClick={dismiss}>
                  {formatMessage({ id: getTranslation('bulk.job.dismiss'), defaultMessage: 'Hide' })}
                </Button>
              )}
            </Flex>
            {jobError && (
              <Typography textColor="danger600" data-testid="job-error">
                {jobError}
              </Typography>
            )}
            {job ? (
              <>
                <JobProgress job={job} />
                {job.results.length > 0 && <JobResultsTable job={job} />}
              </>
            ) : (
              !jobError && (
                <Typography textColor="neutral600">
                  {formatMessage({ id: getTranslation('bulk.job.loading'), defaultMessage: 'Loading the job…' })}
                </Typography>
              )
            )}
          </Flex>
        </Panel>
      )}

      <Panel testId="resplit">
        <Flex justifyContent="space-between" alignItems="center" gap={6} wrap="wrap">
          <Flex direction="column" alignItems="flex-start" gap={1} style={{ flex: '1 1 30rem' }}>
            <Typography variant="delta" tag="h2">
              {formatMessage({ id: getTranslation('resplit.title'), defaultMessage: 'Re-split the archive' })}
            </Typography>
            <Typography textColor="neutral600">
              {formatMessage({
                id: getTranslation('resplit.description'),
                defaultMessage:
                  'Splits the stored raw text of every article again with the current splitter and updates what changed. Articles edited in the CMS since their import are left alone and reported as conflicts.',
              })}
            </Typography>
          </Flex>
          <Dialog.Root open={confirmResplit} onOpenChange={setConfirmResplit}>
            <Dialog.Trigger>
              <Button variant="secondary" startIcon={<ArrowClockwise />} disabled={starting || jobRunning}>
                {formatMessage({ id: getTranslation('resplit.start'), defaultMessage: 'Re-split the archive' })}
              </Button>
            </Dialog.Trigger>
            <ConfirmDialog
              variant="default"
              title={formatMessage({ id: getTranslation('resplit.confirm.title'), defaultMessage: 'Re-split the archive?' })}
              onConfirm={startResplit}
            >
              {formatMessage({
                id: getTranslation('resplit.confirm.body'),
                defaultMessage:
                  'Every article imported from raw text is split again, and its draft is updated where the new split differs. This can take a while for a large archive.',
              })}
            </ConfirmDialog>
          </Dialog.Root>
        </Flex>
      </Panel>

      <RecentJobs currentJobId={jobId} onShow={show} />
    </Flex>
  );
};
