import type { ThemeConfig } from 'antd';
import { PRIMARY } from './colors';

export const FONT_STACK =
  '"Microsoft YaHei", "PingFang SC", "Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Micro Hei", sans-serif';

/** Sober blue, square-ish corners and tighter tables: a work tool, not a marketing page. */
export const theme: ThemeConfig = {
  token: {
    colorPrimary: PRIMARY,
    colorInfo: PRIMARY,
    colorLink: PRIMARY,
    borderRadius: 4,
    fontFamily: FONT_STACK,
    fontSize: 14,
    colorBgLayout: '#f2f4f7',
  },
  components: {
    Layout: {
      headerBg: '#ffffff',
      headerHeight: 56,
      headerPadding: '0 20px',
      siderBg: '#0f2c4d',
      triggerBg: '#0b2340',
    },
    Menu: {
      darkItemBg: '#0f2c4d',
      darkSubMenuItemBg: '#0b2340',
      darkItemSelectedBg: PRIMARY,
      itemHeight: 42,
    },
    Table: {
      headerBg: '#f5f7fa',
      cellPaddingBlockSM: 6,
      cellPaddingInlineSM: 6,
      rowHoverBg: '#eef4fb',
    },
    Card: {
      headerFontSizeSM: 14,
    },
    Statistic: {
      contentFontSize: 24,
    },
  },
};
