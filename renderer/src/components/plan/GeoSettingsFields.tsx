// The 服务半径与出行时间 block of 规划设置, rendered inside the drawer's norms form: one group
// per source (GB 50180-2018 or 参考值), each with its tag, its full source and 恢复默认, which
// fills the group's defaults into the form (saving them is the drawer's one journalled edit).
import { Button, Form, InputNumber, Select, Tag, Tooltip, Typography } from 'antd';
import { GEO_SETTING_GROUPS, groupChanged, groupDefaults, mergeGeoSettings, sourceTag, type GeoSettingField, type GeoSettingGroup } from '@shared/geo/settings-groups';
import { defaultGeoSettings, type GeoSettings } from '@shared/geo/settings';
import { zh } from '../../i18n/zh';
import { SettingsBlock } from './SettingsBlock';
import { useToast } from '../../state/useToast';

const t = zh.plan.settingsDrawer;

function Field({ f }: { f: GeoSettingField }) {
  const name = ['geo', ...f.path];
  if (f.input.kind === 'mode') {
    return (
      <Form.Item name={name} label={f.label} rules={[{ required: true, message: t.geoRequired(f.name) }]}>
        <Select options={f.input.options} data-testid={`geo-${f.path.join('-')}`} />
      </Form.Item>
    );
  }
  const { min, max, step, unit } = f.input;
  return (
    <Form.Item
      name={name}
      label={f.label}
      rules={[
        { required: true, message: t.geoRequired(f.name) },
        { type: 'number', min, max, message: t.geoRange(f.name, min, max, unit) },
      ]}
    >
      <InputNumber min={min} max={max} step={step} style={{ width: '100%' }} data-testid={`geo-${f.path.join('-')}`} />
    </Form.Item>
  );
}

function Group({ g, current }: { g: GeoSettingGroup; current: GeoSettings }) {
  const form = Form.useFormInstance();
  const message = useToast();
  const restore = () => {
    for (const { path, value } of groupDefaults(g)) form.setFieldValue(['geo', ...path], value);
    void message.info(t.restored(g.title));
  };
  return (
    <div className="geo-settings-group" data-testid={`geo-group-${g.key}`}>
      <div className="geo-settings-head">
        <Typography.Text>{g.title}</Typography.Text>
        <Tooltip title={g.source}>
          <Tag color={g.reference ? 'orange' : 'blue'} data-testid="geo-source-tag">
            {sourceTag(g.source)}
          </Tag>
        </Tooltip>
        {groupChanged(g, current) && <Tag>{t.changed}</Tag>}
        <Button size="small" type="link" onClick={restore} disabled={!groupChanged(g, current)} data-testid={`geo-restore-${g.key}`}>
          {t.restoreDefault}
        </Button>
      </div>
      <div className="editor-grid-3">
        {g.fields.map((f) => (
          <Field key={f.path.join('.')} f={f} />
        ))}
      </div>
      <Typography.Paragraph type="secondary" className="norm-note">
        {g.source}
      </Typography.Paragraph>
    </div>
  );
}

export function GeoSettingsFields() {
  const form = Form.useFormInstance();
  // The form's values as typed, over the defaults until the form is filled.
  const watched: unknown = Form.useWatch('geo', form);
  const current = mergeGeoSettings(defaultGeoSettings(), watched);
  return (
    <SettingsBlock title={t.geo} hint={t.geoHint} testId="geo-settings">
      {GEO_SETTING_GROUPS.map((g) => (
        <Group key={g.key} g={g} current={current} />
      ))}
    </SettingsBlock>
  );
}
