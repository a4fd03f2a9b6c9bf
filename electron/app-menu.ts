import type { Lang } from '../common/facets.ts';
import type { MenuCommand } from '../common/ipc-contract.ts';

export interface MenuItemTemplate {
  label?: string;
  role?: string;
  type?: 'separator';
  accelerator?: string;
  submenu?: MenuItemTemplate[];
  click?: () => void;
}

const LABELS = {
  en: { file: 'File', print: 'Print…', quit: 'Quit', view: 'View', search: 'Search', home: 'Home', theme: 'Light / dark theme', bigger: 'Larger text', smaller: 'Smaller text', language: 'Language', edit: 'Edit', help: 'Help', reload: 'Reload', fullscreen: 'Full screen', devtools: 'Developer tools' },
  es: { file: 'Archivo', print: 'Imprimir…', quit: 'Salir', view: 'Ver', search: 'Buscar', home: 'Inicio', theme: 'Tema claro / oscuro', bigger: 'Letra más grande', smaller: 'Letra más pequeña', language: 'Idioma', edit: 'Edición', help: 'Ayuda', reload: 'Recargar', fullscreen: 'Pantalla completa', devtools: 'Herramientas de desarrollo' },
} as const;

/** The application menu in the reader's language; each command is sent to the renderer. */
export function buildMenuTemplate(lang: Lang, send: (command: MenuCommand) => void, options: { isMac: boolean; devTools: boolean }): MenuItemTemplate[] {
  const l = LABELS[lang];
  const item = (label: string, command: MenuCommand, accelerator?: string): MenuItemTemplate => ({ label, click: () => send(command), ...(accelerator ? { accelerator } : {}) });
  const view: MenuItemTemplate[] = [
    item(l.home, 'home', 'Alt+Home'),
    item(l.search, 'search', 'CmdOrCtrl+K'),
    { type: 'separator' },
    item(l.bigger, 'text-bigger', 'CmdOrCtrl+Plus'),
    item(l.smaller, 'text-smaller', 'CmdOrCtrl+-'),
    item(l.theme, 'theme-toggle'),
    { type: 'separator' },
    { label: l.fullscreen, role: 'togglefullscreen' },
    { label: l.reload, role: 'reload' },
    ...(options.devTools ? [{ label: l.devtools, role: 'toggleDevTools' }] : []),
  ];
  return [
    ...(options.isMac ? [{ role: 'appMenu' }] : []),
    { label: l.file, submenu: [item(l.print, 'print', 'CmdOrCtrl+P'), { type: 'separator' }, { label: l.quit, role: 'quit' }] },
    { label: l.edit, role: 'editMenu' },
    { label: l.view, submenu: view },
    { label: l.language, submenu: [item('English', 'lang-en'), item('Español', 'lang-es')] },
  ];
}
