// Shown while no project is open: what the tool is, the three ways in, and recent files.
import type { KeyboardEvent, ReactNode } from 'react';
import { Card, Empty, Flex, List, Tag, Tooltip, Typography } from 'antd';
import { ExperimentOutlined, FileAddOutlined, FolderOpenOutlined, FileOutlined } from '@ant-design/icons';
import type { HomeState, RecentFile } from '@shared/api';
import { zh } from '../i18n/zh';
import { fmtTime } from '../lib/format';
import { useSession } from '../state/session';
import { ResetSampleButton } from '../components/ResetSampleButton';
import { GuideButton } from '../components/guide/GuideDrawer';

function ActionCard(props: { icon: ReactNode; title: string; desc: string; onClick: () => void; testId: string; primary?: boolean }) {
  return (
    <Card
      hoverable
      className={`start-action${props.primary ? ' start-action-primary' : ''}`}
      onClick={props.onClick}
      data-testid={props.testId}
      role="button"
      tabIndex={0}
      onKeyDown={(e) => {
        if (e.key === 'Enter' || e.key === ' ') props.onClick();
      }}
    >
      <div className="start-action-icon">{props.icon}</div>
      <div className="start-action-title">{props.title}</div>
      <div className="start-action-desc">{props.desc}</div>
    </Card>
  );
}

function RecentItem({ file, onOpen }: { file: RecentFile; onOpen: (path: string) => void }) {
  const content = (
    <List.Item
      className={`recent-item${file.exists ? '' : ' recent-missing'}`}
      onClick={file.exists ? () => onOpen(file.path) : undefined}
      {...(file.exists
        ? {
            tabIndex: 0,
            role: 'button',
            'aria-label': `${zh.start.openRecent}${file.name}`,
            onKeyDown: (e: KeyboardEvent) => {
              if (e.key !== 'Enter' && e.key !== ' ') return;
              e.preventDefault();
              onOpen(file.path);
            },
          }
        : {})}
      extra={
        file.exists ? (
          <Typography.Text type="secondary" className="recent-time">
            {fmtTime(file.openedAt)}
          </Typography.Text>
        ) : (
          <Tag>{zh.start.missing}</Tag>
        )
      }
    >
      <List.Item.Meta
        avatar={<FileOutlined className="recent-icon" />}
        title={file.name}
        description={
          <span className="path-text" title={file.path}>
            {file.path}
          </span>
        }
      />
    </List.Item>
  );
  return file.exists ? content : <Tooltip title={zh.start.missing}>{content}</Tooltip>;
}

export function StartPage({ home }: { home: HomeState }) {
  const session = useSession();

  return (
    <div className="start-page">
      <div className="start-inner">
        <div className="start-brand">
          <div className="start-logo" aria-hidden>
            <span>{zh.app.mark}</span>
          </div>
          <div>
            <Typography.Title level={2} style={{ margin: 0 }}>
              {zh.app.name}
            </Typography.Title>
            <Typography.Text type="secondary" className="start-tagline">
              {zh.app.tagline}
            </Typography.Text>
          </div>
          <div className="start-help">
            <GuideButton />
          </div>
        </div>

        <div className="start-actions">
          <ActionCard
            primary
            testId="open-sample"
            icon={<ExperimentOutlined />}
            title={zh.start.openSample}
            desc={zh.start.openSampleDesc}
            onClick={() => void session.openSample()}
          />
          <ActionCard
            testId="open-project"
            icon={<FolderOpenOutlined />}
            title={zh.start.openFile}
            desc={zh.start.openFileDesc}
            onClick={session.promptOpen}
          />
          <ActionCard
            testId="new-project"
            icon={<FileAddOutlined />}
            title={zh.start.newProject}
            desc={zh.start.newProjectDesc}
            onClick={session.promptNew}
          />
        </div>
        <Flex justify="center" align="center" wrap gap={4}>
          <Typography.Text type="secondary">{zh.sampleReset.hint}</Typography.Text>
          <ResetSampleButton type="link" projectsDir={home.projectsDir} />
        </Flex>

        <Card size="small" title={zh.start.recent} className="start-recent">
          {home.recent.length === 0 ? (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={zh.start.recentEmpty} />
          ) : (
            <List
              size="small"
              dataSource={home.recent}
              rowKey="path"
              renderItem={(file) => <RecentItem file={file} onOpen={(p) => void session.openPath(p)} />}
            />
          )}
        </Card>

        <Typography.Text type="secondary" className="start-footnote">
          {zh.app.offline}
        </Typography.Text>
      </div>
    </div>
  );
}
