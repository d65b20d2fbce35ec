import type { VariantDeskApi } from '../../../shared/contract';
import { createHttpClient } from './http-client';

/** The contract: the preload's bridge in Electron, the local server in a browser. */
export const api: VariantDeskApi =
  window.variantdesk ??
  createHttpClient({ token: new URLSearchParams(window.location.search).get('token') });

export { ApiError, errorMessage } from './api-error';
