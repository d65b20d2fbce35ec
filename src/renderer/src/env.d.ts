/// <reference types="vite/client" />
import type { VariantDeskApi } from '../../shared/contract';

declare global {
  interface Window {
    /** The contract, exposed by the preload in Electron; absent in browser mode. */
    variantdesk?: VariantDeskApi;
  }
}
