/// <reference types="vite/client" />
declare const __APP_VERSION__: string;

declare module 'virtual:puente-content' {
  import type { ContentData, ManifestChapter } from '../../common/content-schema';
  const content: ContentData & { chapters: ManifestChapter[] };
  export default content;
}

declare module '*.mdx' {
  import type { ComponentType } from 'react';
  const Chapter: ComponentType<{ components?: Record<string, unknown> }>;
  export default Chapter;
}
