/// <reference types="vite/client" />
declare const __APP_VERSION__: string;

/** Typed where it is imported (renderer/src/app/content.ts). */
declare module 'virtual:puente-content' {
  const content: unknown;
  export default content;
}

declare module 'virtual:puente-records' {
  const records: unknown;
  export default records;
}

declare module '*.mdx' {
  import type { ComponentType } from 'react';
  const Chapter: ComponentType<{ components?: Record<string, unknown> }>;
  export default Chapter;
}
