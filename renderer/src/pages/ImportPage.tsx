// 数据导入: the wizard and the list of past imports (with undo).
import { useState } from 'react';
import { Tabs } from 'antd';
import { HistoryOutlined, ImportOutlined } from '@ant-design/icons';
import { ImportHistory } from '../components/import/ImportHistory';
import { ImportWizard } from '../components/import/ImportWizard';
import { PageHeader } from '../components/PageHeader';
import { Section } from '../components/Section';
import { zh } from '../i18n/zh';
import '../components/import/import.css';

const t = zh.importer;

export function ImportPage() {
  const [tab, setTab] = useState<'wizard' | 'history'>('wizard');
  const [version, setVersion] = useState(0);
  return (
    <div className="page" data-testid="import-page">
      <PageHeader title={t.title} subtitle={t.subtitle} />
      <Section title={null} className="import-section">
        <Tabs
          activeKey={tab}
          onChange={(k) => setTab(k as 'wizard' | 'history')}
          items={[
            { key: 'wizard', label: t.tabWizard, icon: <ImportOutlined />, children: <ImportWizard onChanged={() => setVersion((v) => v + 1)} onHistory={() => setTab('history')} /> },
            { key: 'history', label: t.tabHistory, icon: <HistoryOutlined />, children: <ImportHistory version={version} onChanged={() => setVersion((v) => v + 1)} /> },
          ]}
          // The wizard keeps its state while the planner looks at the history.
          destroyOnHidden={false}
        />
      </Section>
    </div>
  );
}
