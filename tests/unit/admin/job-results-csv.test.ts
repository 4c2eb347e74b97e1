import { jobResultsToCsv } from '../../../src/plugins/raw-import/admin/src/utils/jobResultsCsv';

const url = (documentId: string) => `https://cms.example/admin/content-manager/collection-types/api::article.article/${documentId}`;

describe('jobResultsToCsv (the bulk results download)', () => {
  it('writes a header and one CRLF-terminated row per file, with a BOM for spreadsheets', () => {
    const csv = jobResultsToCsv(
      [
        { file: 'flood.txt', status: 'created', documentId: 'abc123' },
        { file: 'flood-copy.txt', status: 'duplicate', documentId: 'abc123' },
        { file: 'empty.txt', status: 'failed', error: 'The text is empty.' },
      ],
      url
    );
    expect(csv).toBe(
      '\uFEFFfile,status,documentId,articleUrl,error\r\n' +
        `flood.txt,created,abc123,${url('abc123')},\r\n` +
        `flood-copy.txt,duplicate,abc123,${url('abc123')},\r\n` +
        'empty.txt,failed,,,The text is empty.\r\n'
    );
  });

  it('quotes cells holding commas, quotes or line breaks', () => {
    const csv = jobResultsToCsv([{ file: 'a, "b".txt', status: 'failed', error: 'line one\nline two' }], url);
    expect(csv.split('\r\n')[1]).toBe('"a, ""b"".txt",failed,,,"line one\nline two"');
  });

  it('keeps a file name that looks like a formula as text', () => {
    const csv = jobResultsToCsv([{ file: '=HYPERLINK("x").txt', status: 'failed', error: 'bad' }], url);
    expect(csv.split('\r\n')[1]).toBe(`"'=HYPERLINK(""x"").txt",failed,,,bad`);
  });
});
