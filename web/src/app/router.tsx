import { QueryClient } from '@tanstack/react-query';
import { createBrowserRouter, type RouteObject } from 'react-router';
import { setUnauthorizedHandler } from '../api/client';
import { ApiError } from '../api/problem';
import { LoginPage } from '../areas/public/LoginPage';
import { AREAS } from './areas';
import { Layout, NotFound } from './Layout';
import { RequireRole } from './RequireRole';

/** Every route: public ones as they are, an area's behind its roles. */
export function appRoutes(): RouteObject[] {
  const children: RouteObject[] = [{ path: '/login', element: <LoginPage /> }];
  for (const area of AREAS) {
    for (const r of area.routes) {
      children.push(
        area.roles
          ? { ...r, element: <RequireRole roles={area.roles}>{r.element}</RequireRole> }
          : r,
      );
    }
  }
  children.push({ path: '*', element: <NotFound /> });
  return [{ element: <Layout />, children }];
}

export const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 15_000,
      refetchOnWindowFocus: false,
      retry: (count, err) => !(err instanceof ApiError && err.status < 500) && count < 2,
    },
  },
});

export function createAppRouter() {
  const router = createBrowserRouter(appRoutes());
  // Session expiry: back to sign-in, then to the same page.
  setUnauthorizedHandler(() => {
    const here = location.pathname + location.search;
    queryClient.clear();
    if (!location.pathname.startsWith('/login')) {
      void router.navigate(`/login?next=${encodeURIComponent(here)}`, { replace: true });
    }
  });
  return router;
}
