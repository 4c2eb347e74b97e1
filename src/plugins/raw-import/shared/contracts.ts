/** Wire shapes of the plugin's routes, shared by the server, the CLI, the admin page and the tests. */
import type { SplitResult } from '../core/types';

export interface ImportedArticle {
  documentId: string;
  title: string;
  slug: string;
}

export declare namespace Preview {
  interface Request {
    body: { text: string };
  }
  type Response = Omit<SplitResult, 'dropped'>;
}

export declare namespace ImportText {
  interface Request {
    body: { text: string; sourceName?: string; publish?: boolean };
  }
  interface Response {
    status: 'created' | 'duplicate';
    article: ImportedArticle;
  }
}
