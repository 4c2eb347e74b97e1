import * as React from 'react';
import { Alert, Box, Button, Checkbox, Flex, Typography } from '@strapi/design-system';
import { Cross, Upload } from '@strapi/icons';
import { useIntl } from 'react-intl';
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

/** Many .txt files at once: upload them as one job on the server, follow it, then read or download the results. */
export const BulkImportTab = () => {
  const { formatMessage, formatNumber } = useIntl();
  const describeError = useErrorMessage();
  const { jobId, job, error: jobError, start, show, dismiss } = useImportJob();

  const [files, setFiles] = React.useState<PickedFile[]>([]);
  const [ignored, setIgnored] = React.useState(0);
  const [publish, setPublish] = React.useState(false);
  const [starting, setStarting] = React.useState(false);
  const [startError, setStartError] = React.useState<string | null>(null);

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
      await start(files, publish);
      clearFiles();
    } catch (err) {
      setStartError(describeError(err));
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
          </Flex>
        </Flex>
      </Panel>

      {startError && (
        <Alert
          variant="danger"
          title={formatMessage({ id: getTranslation('bulk.start.error'), defaultMessage: 'The job could not be started' })}
          closeLabel={formatMessage({ id: getTranslation('alert.close'), defaultMessage: 'Close' })}
          onClose={() => setStartError(null)}
          data-testid="raw-import-error"
        >
          {startError}
        </Alert>
      )}

      {jobId && (
        <Panel testId="current-job">
          <Flex direction="column" alignItems="stretch" gap={6}>
            <Flex justifyContent="space-between" alignItems="center">
              <Typography variant="delta" tag="h2">
                {formatMessage({ id: getTranslation('bulk.job'), defaultMessage: 'Import job' })}
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

      <RecentJobs currentJobId={jobId} refreshKey={`${jobId}:${job?.status ?? ''}`} onShow={show} />
    </Flex>
  );
};
