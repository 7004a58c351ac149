import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { ensureBridge } from './bridge';
import { initialLanguage } from './i18n';
import './styles.css';

ensureBridge();
document.documentElement.lang = initialLanguage();
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
