import { Component, type ErrorInfo, type ReactNode } from 'react';
import { Button, Result, Typography } from 'antd';
import { zh } from '../i18n/zh';

interface Props {
  children: ReactNode;
  /** Changing the key clears the error, e.g. when the planner moves to another page. */
  resetKey?: string;
}

interface State {
  error: Error | null;
  resetKey: string | undefined;
}

/** A rendering bug must not leave a blank window: show what happened, in Chinese, and a way out. */
export class ErrorBoundary extends Component<Props, State> {
  override state: State = { error: null, resetKey: this.props.resetKey };

  static getDerivedStateFromError(error: Error): Partial<State> {
    return { error };
  }

  static getDerivedStateFromProps(props: Props, state: State): Partial<State> | null {
    if (props.resetKey !== state.resetKey) return { error: null, resetKey: props.resetKey };
    return null;
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error(error, info.componentStack);
  }

  override render() {
    const { error } = this.state;
    if (!error) return this.props.children;
    return (
      <Result
        status="error"
        title={zh.errorBoundary.title}
        subTitle={zh.errorBoundary.description}
        extra={
          <Button type="primary" onClick={() => window.location.reload()}>
            {zh.errorBoundary.reload}
          </Button>
        }
      >
        <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
          {zh.errorBoundary.details}：{error.message}
        </Typography.Paragraph>
      </Result>
    );
  }
}
