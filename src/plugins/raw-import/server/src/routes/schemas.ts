/**
 * What the content-API routes take and answer, as zod schemas declared on the routes
 * (`request.body`, `request.params`, `response`), the way Strapi's own plugins declare theirs
 * (i18n, upload): Strapi's OpenAPI generator reads them. Strapi does not validate a plugin's
 * requests with them; ../validation does, with the messages the API answers. They follow
 * shared/contracts.ts (the enums are checked complete by the compiler); tests/integration/openapi.test.ts
 * checks real answers against them.
 */
import { z } from '@strapi/utils';
import type { BoilerplateKind, Qualifier } from '../../../core/types';
import type { FileStatus, ImportStatus, JobKind, JobStatus, OnExisting } from '../../../shared/contracts';

/** Every member of a string union (the compiler checks that none is missing), as a zod enum. */
const everyOf = <T extends string>(members: Record<T, true>) => z.enum(Object.keys(members) as [T, ...T[]]);

/** The stable id of a document across its draft and published versions: a cuid2, not a UUID. */
export const documentId = z
  .string()
  .regex(/^[a-z0-9]{24}$/)
  .meta({
    id: 'DocumentId',
    description: 'The stable id of a document (article, teaser, figure, bulk job) across its draft and published versions: 24 lowercase letters and digits. Not the numeric `id` of a row.',
    examples: ['kbb8xzhu5v0f8nb5d4ri126q'],
  });

const count = z.int().min(0);
const lines = z.array(z.int().min(1)).max(100_000);
const sourceKey = z
  .string()
  .min(1)
  .max(255)
  .nullable()
  .optional()
  .describe("A stable key of the story (URL, wire id, file path): the story's identity when given.");
const text = z.string().describe('The raw article text, as scraped (UTF-8, at most RAW_IMPORT_MAX_BYTES bytes, 1 MiB by default).');
const onExisting = everyOf<OnExisting>({ update: true, skip: true }).describe(
  'A known story: update it when something changed (default), or skip it (answered `duplicate`).'
);
const importStatus = everyOf<ImportStatus>({ created: true, updated: true, duplicate: true, conflict: true }).describe(
  'created: a new story; updated: a known story, changed; duplicate: a known story, nothing to change (or skipped); conflict: a known story edited in the CMS since its import, left as it is.'
);

const overrides = z
  .object({
    keep: lines.optional().describe('Set-aside lines to bring back into the body.'),
    setAside: lines.optional().describe('Body paragraphs to set aside (kind "editor").'),
  })
  .optional()
  .describe("An editor's corrections to the split, by the 1-based lines the preview reported (bodyLines, boilerplate[].line).");

export const previewRequest = z.object({ text, overrides, sourceKey });

export const importRequest = z.object({
  text,
  sourceName: z.string().max(255).nullable().optional().describe('Where the text came from (file name, outlet).'),
  sourceKey,
  publish: z.boolean().optional().describe('Publish the article (default: a draft).'),
  overrides,
  onExisting: onExisting.optional(),
});

const importedArticle = z.object({ documentId, title: z.string(), slug: z.string() });
const changes = z
  .object({ paragraphs: count, teasers: count, figures: count, fields: z.array(z.string()).describe('Article fields that differ.') })
  .describe('What an update changed (or, for a conflict or a skip, would have changed).');

export const previewResponse = z
  .object({
    title: z.string().nullable().describe('An explicit headline line, or null (the importer then derives one).'),
    byline: z.string().nullable(),
    body: z.array(z.string()),
    bodyLines: z.array(z.int().min(1)).describe('1-based line where each body paragraph starts.'),
    boilerplate: z.array(
      z
        .object({
          text: z.string(),
          kind: everyOf<BoilerplateKind>({
            caption: true,
            credit: true,
            navigation: true,
            section: true,
            timestamp: true,
            dateline: true,
            'repeated-headline': true,
            'read-more': true,
            subscription: true,
            'social-embed': true,
            script: true,
            comments: true,
            advertisement: true,
            copyright: true,
            bio: true,
            tags: true,
            editor: true,
          }),
          line: z.int().min(1).describe('1-based line of the normalized text where it starts.'),
        })
        .describe('A line set aside from the body: page debris, kept with its kind and where it was.')
    ),
    teasers: z.array(z.object({ text: z.string().describe('The teaser line without its trailing marker.'), truncated: z.boolean() })),
    figures: z.array(
      z.object({
        value: z.number(),
        display: z.string(),
        qualifier: everyOf<Qualifier>({ exact: true, about: true, over: true, under: true, 'up-to': true, 'at-least': true, nearly: true }),
        unit: z.string().nullable(),
        label: z.string(),
        sentence: z.string(),
        paragraph: count.describe('Index into body.'),
      })
    ),
    identity: z
      .object({
        status: importStatus,
        article: importedArticle.optional(),
        changes: changes.optional(),
        possibleDuplicateOf: importedArticle
          .extend({ similarity: z.number().min(0).max(1).describe("Estimated Jaccard similarity of the two bodies' word shingles.") })
          .optional()
          .describe('The stored article a new text is nearly the same story as.'),
      })
      .describe('What an import would do with the text now.'),
  })
  .describe('The split, and what an import would do with it; nothing is written.');

export const importResponse = z.object({
  status: importStatus,
  article: importedArticle,
  changes: changes.optional(),
  possibleDuplicateOf: documentId.optional().describe('documentId of the existing article this new one nearly duplicates.'),
});

export const jobUpload = z.object({
  files: z.array(z.file()).describe('One or many raw text files.'),
  publish: z.enum(['true', 'false']).optional(),
  sourceKey: z.enum(['path']).optional().describe("`path`: each file's name (its path in the upload) is its story key."),
  onExisting: onExisting.optional(),
});

export const jobCreated = z.object({ jobId: documentId });

const jobSummary = z.object({
  jobId: documentId,
  kind: everyOf<JobKind>({ import: true, resplit: true }).describe('import: uploaded files; resplit: every stored raw text split again.'),
  status: everyOf<JobStatus>({ queued: true, running: true, done: true, failed: true, interrupted: true }),
  total: count,
  done: count,
  imported: count,
  updated: count,
  duplicates: count,
  conflicts: count,
  failed: count,
  publish: z.boolean(),
  sourceKey: z.enum(['path']).nullable(),
  onExisting,
  createdAt: z.iso.datetime(),
  finishedAt: z.iso.datetime().nullable(),
});

export const jobReport = jobSummary.extend({
  results: z.array(
    z.object({
      file: z.string(),
      status: everyOf<FileStatus>({ created: true, updated: true, duplicate: true, conflict: true, failed: true }),
      documentId: documentId.optional(),
      changes: changes.optional(),
      possibleDuplicateOf: documentId.optional(),
      error: z.string().optional(),
    })
  ),
});

export const jobList = z.object({ jobs: z.array(jobSummary) });
