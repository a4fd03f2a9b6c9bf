/// <reference types="vite/client" />
declare const __APP_VERSION__: string;

// The content build's modules (scripts/vite-plugin-content.ts), typed here from the shared schemas.

declare module 'virtual:puente-navigation' {
  const navigation: import('../../common/navigation.ts').Navigation;
  export default navigation;
}

// Each language's pack, and how to load the pack of each language of LANGS (common/facets.ts).
declare module 'virtual:puente-language/*' {
  export const strings: import('./app/i18n.ts').Strings;
  export const chapters: import('../../common/navigation.ts').NavEntry[];
}
declare module 'virtual:puente-languages' {
  const loaders: Record<import('../../common/facets.ts').Lang, () => Promise<{ strings: import('./app/i18n.ts').Strings; chapters: import('../../common/navigation.ts').NavEntry[] }>>;
  export default loaders;
}

declare module 'virtual:puente-pages' {
  const pages: Record<string, () => Promise<import('./app/pages.ts').PageModule>>;
  export default pages;
}

declare module 'virtual:puente-catalogue/communities' {
  export const communities: import('../../common/content-schema.ts').ContentData['communities'];
}
declare module 'virtual:puente-catalogue/profiler' {
  export const profiler: import('../../common/content-schema.ts').ContentData['profiler'];
}
declare module 'virtual:puente-catalogue/instruments' {
  export const instruments: import('../../common/content-schema.ts').ContentData['instruments'];
}
declare module 'virtual:puente-catalogue/indicators' {
  export const indicators: import('../../common/content-schema.ts').ContentData['indicators'];
}
declare module 'virtual:puente-catalogue/workshop-modules' {
  export const workshopModules: import('../../common/content-schema.ts').ContentData['workshopModules'];
}

declare module '*.mdx' {
  import type { ComponentType } from 'react';
  const Chapter: ComponentType<{ components?: Record<string, unknown> }>;
  export default Chapter;
}
