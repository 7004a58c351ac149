/** Electron main-process entry. Deliberately thin: see main/shell/app.ts. */
import { startApp } from './shell/app';

startApp();
