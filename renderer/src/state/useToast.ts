// Short notices (saved, opened, failed) through antd's message, closed by a timer of our own.
// antd 6 counts a notice's time down in a requestAnimationFrame loop that sets React state on
// every frame for as long as it is up (@rc-component/notification, useNoticeTimer), progress
// bar or not. React renders one tree at a time and starts a transition's render over when a
// more urgent update commits first, so while a notice was up the page being built ahead (a
// transition, layout/prebuild.ts) could not finish, and a page clicked meanwhile waited for it:
// 「设置」 clicked during the build settled after 1.6–2.3 s, when the 「已打开」 notice closed. A
// notice opened without a duration has no loop; this closes it after antd's usual 3 s.
import { App } from 'antd';
import { useMemo, type ReactNode } from 'react';

export type ToastKind = 'success' | 'info' | 'warning' | 'error';
/** `seconds`: how long the notice stays up (antd's usual 3 s unless a longer text needs longer). */
export type Toast = Record<ToastKind, (content: ReactNode, seconds?: number) => void>;

/** antd message's default duration. */
export const TOAST_SECONDS = 3;

export function useToast(): Toast {
  const { message } = App.useApp();
  return useMemo(() => {
    const show = (type: ToastKind) => (content: ReactNode, seconds = TOAST_SECONDS) => {
      const close = message.open({ type, content, duration: 0 });
      window.setTimeout(close, seconds * 1000);
    };
    return { success: show('success'), info: show('info'), warning: show('warning'), error: show('error') };
  }, [message]);
}
