import path from 'path';

export const APP_DIR = path.resolve(__dirname, '..', '..', '..');
export const FIXTURES_DIR = path.resolve(__dirname, '..', 'fixtures');
/** Screenshots the README shows. */
export const DOCS_DIR = path.join(APP_DIR, 'docs');
