/**
 * The first path segments the web app owns (besides `/`). The service answers these with the
 * app's index.html (SPA fallback); every other path stays the API's, so an unknown API path still
 * gets a problem+json 404. Vietnamese slugs, so they can never collide with an (English) API route.
 * Shared with the app's router (web/src/app/routes.ts), which a unit test checks against this list.
 */
export const APP_SECTIONS = [
  'login', // đăng nhập
  'tra-cuu', // public register search
  'quy-dinh', // a regulation's public page
  'tham-van', // open consultations
  'tien-do', // national progress
  'bo-nganh', // ministry officer / lead
  'gop-y', // association / expert
  'chinh-phu', // Government Office
  'quan-tri', // admin
  'thong-bao', // notifications and tasks (every signed-in user)
] as const;

export type AppSection = (typeof APP_SECTIONS)[number];

/** Where the built app's hashed files are served (Vite's `build.assetsDir`). */
export const ASSETS_DIR = 'assets';

/** CSP of the app's pages: no inline or remote scripts; API routes keep helmet's policy. */
export const PAGE_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'self'",
].join('; ');
