import { app, dialog, Menu, type BrowserWindow, type MenuItemConstructorOptions } from 'electron';
import type { TFunction } from 'i18next';
import type { Language } from '../../shared/contract';
import { mainText } from '../text';

export function menuTemplate(t: TFunction, showAbout: () => void): MenuItemConstructorOptions[] {
  return [
    { label: t('menu.file'), submenu: [{ role: 'quit', label: t('menu.quit') }] },
    {
      label: t('menu.edit'),
      submenu: [
        { role: 'undo' },
        { role: 'redo' },
        { type: 'separator' },
        { role: 'cut' },
        { role: 'copy' },
        { role: 'paste' },
        { role: 'selectAll' },
      ],
    },
    {
      label: t('menu.view'),
      submenu: [
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
      ],
    },
    { label: t('menu.help'), submenu: [{ label: t('menu.about'), click: showAbout }] },
  ];
}

/** Native menus in the UI's language, with the app version in an About box. */
export function buildMenu(window: BrowserWindow, language: Language): void {
  const t = mainText(language);
  const showAbout = () =>
    void dialog.showMessageBox(window, {
      type: 'info',
      title: t('menu.about'),
      message: `Luukku`,
      detail: t('menu.aboutDetail', { version: app.getVersion() }),
    });
  Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate(t, showAbout)));
}
