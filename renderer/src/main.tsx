// First: the libraries below keep a reference to ResizeObserver when they first observe.
import { installQuietResizeObserver } from './lib/quietResize';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App as AntApp, ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { App } from './App';
import { ErrorBoundary } from './components/ErrorBoundary';
import { theme } from './lib/theme';
// antd's components' CSS, prebuilt: the theme runs in zero-runtime mode (lib/theme.ts).
import 'antd/dist/antd.css';
import './styles.css';

installQuietResizeObserver();
dayjs.locale('zh-cn');

const root = document.getElementById('root') ?? document.body.appendChild(document.createElement('div'));

createRoot(root).render(
  <StrictMode>
    <ConfigProvider locale={zhCN} theme={theme} componentSize="middle" button={{ autoInsertSpace: false }}>
      <AntApp>
        <ErrorBoundary>
          <App />
        </ErrorBoundary>
      </AntApp>
    </ConfigProvider>
  </StrictMode>,
);
