import createClient, { type Middleware } from 'openapi-fetch';
import { clearSession, readSession } from '../session/session';
import { ApiError, toProblem } from './problem';
import type { paths } from './schema';

const APP_LANGUAGE = 'vi';

/** Called on a 401 (expired or revoked token); the app sends the user to /login?next=… */
let onUnauthorized: () => void = () => undefined;
export function setUnauthorizedHandler(fn: () => void): void {
  onUnauthorized = fn;
}

const auth: Middleware = {
  onRequest({ request }) {
    // The app is in Vietnamese: so are the API's problem messages it shows (not the browser's locale).
    request.headers.set('Accept-Language', APP_LANGUAGE);
    const s = readSession();
    if (s && !request.headers.has('Authorization')) {
      request.headers.set('Authorization', `Bearer ${s.accessToken}`);
    }
    return request;
  },
  onResponse({ request, response }) {
    if (response.status === 401 && !new URL(request.url).pathname.startsWith('/auth/')) {
      clearSession();
      onUnauthorized();
    }
    return response;
  },
};

/** The typed client: paths, parameters and bodies come from the service's OpenAPI document. */
export const api = createClient<paths>({ baseUrl: globalThis.location?.origin ?? '' });
api.use(auth);

type Result<T> = { data?: T; error?: unknown; response: Response };

/** The data of a call, or an ApiError with its problem+json. `await ok(api.GET('/me'))`. */
export async function ok<T>(call: Promise<Result<T>>): Promise<T> {
  let res: Result<T>;
  try {
    res = await call;
  } catch (err) {
    throw new ApiError(0, { status: 0, title: 'network', detail: String(err) });
  }
  if (!res.response.ok)
    throw new ApiError(res.response.status, toProblem(res.response.status, res.error));
  return res.data as T;
}

/** For routes the document does not describe in detail (files, multipart): plain fetch, same rules. */
export async function rawFetch(path: string, init: RequestInit = {}): Promise<Response> {
  const headers = new Headers(init.headers);
  headers.set('Accept-Language', APP_LANGUAGE);
  const s = readSession();
  if (s) headers.set('Authorization', `Bearer ${s.accessToken}`);
  let response: Response;
  try {
    response = await fetch(path, { ...init, headers });
  } catch (err) {
    throw new ApiError(0, { status: 0, title: 'network', detail: String(err) });
  }
  if (response.status === 401) {
    clearSession();
    onUnauthorized();
  }
  if (!response.ok) {
    const body = await response.json().catch(() => undefined);
    throw new ApiError(response.status, toProblem(response.status, body));
  }
  return response;
}

/** Downloads a file the API makes (XLSX reports, the import template) with the session's token. */
export async function download(path: string, fileName: string): Promise<void> {
  const res = await rawFetch(path);
  const url = URL.createObjectURL(await res.blob());
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
