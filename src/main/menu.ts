import { app, Menu, type MenuItemConstructorOptions } from 'electron';
import { href, type Href } from '../shared/routes';

/** The application menu: the usual Edit, View, Window and Help menus; Help leads to the app's own pages. */
export function buildMenu(options: { isDev: boolean; showPage: (to: Href) => void; openDataFolder: () => void }): Menu {
  const isMac = process.platform === 'darwin';
  const template: MenuItemConstructorOptions[] = [
    ...(isMac
      ? [{ role: 'appMenu' as const }]
      : [
          {
            label: '&File',
            submenu: [
              { label: 'Settings', accelerator: 'CmdOrCtrl+,', click: () => options.showPage(href('settings')) },
              { type: 'separator' as const },
              { role: 'quit' as const },
            ],
          },
        ]),
    { role: 'editMenu' },
    {
      label: '&View',
      submenu: [
        ...(options.isDev
          ? [{ role: 'reload' as const }, { role: 'toggleDevTools' as const }, { type: 'separator' as const }]
          : []),
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
      ],
    },
    { role: 'windowMenu' },
    {
      role: 'help',
      submenu: [
        { label: `About ${app.getName()}`, click: () => options.showPage(href('about')) },
        { label: 'Open data folder', click: options.openDataFolder },
      ],
    },
  ];
  return Menu.buildFromTemplate(template);
}
