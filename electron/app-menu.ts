import type { Lang } from '../common/facets.ts';
import { translatorFor } from '../common/i18n/catalogues.ts';
import type { MenuCommand } from '../common/ipc-contract.ts';

export interface MenuItemTemplate {
  label?: string;
  role?: string;
  type?: 'separator';
  accelerator?: string;
  submenu?: MenuItemTemplate[];
  click?: () => void;
}

/** The application menu in the reader's language (the interface catalogues' words); each command is sent to the renderer. */
export function buildMenuTemplate(lang: Lang, send: (command: MenuCommand) => void, options: { isMac: boolean; devTools: boolean }): MenuItemTemplate[] {
  const t = translatorFor(lang);
  const l = {
    file: t.format('appMenu.file'), print: t.format('appMenu.print'), quit: t.format('appMenu.quit'), edit: t.format('appMenu.edit'), view: t.format('appMenu.view'),
    home: t.format('appMenu.home'), search: t.format('appMenu.search'), bigger: t.format('appMenu.bigger'), smaller: t.format('appMenu.smaller'), theme: t.format('appMenu.theme'),
    fullscreen: t.format('appMenu.fullscreen'), reload: t.format('appMenu.reload'), devtools: t.format('appMenu.devtools'), language: t.format('appMenu.language'),
  };
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
