// The admin build (Vite) bundles the plugin's admin entry from source; the server never loads this file.
export { default } from './admin/src';
