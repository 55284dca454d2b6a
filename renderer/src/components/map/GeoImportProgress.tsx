// The running import in the 导入地理数据 dialog: the upload (browser), then the stage, a bar over the whole import with an
// estimate of the time left (shared/geo/import-progress.ts, as the CLI's line), and 取消 until
// the write begins; the write is one transaction and cannot be stopped, which the dialog says.
import { Button, Flex, Progress, Typography } from 'antd';
import type { GeoImportJob } from '@shared/geo/api';
import { geoProgressText } from '@shared/geo/import-progress';
import { zh } from '../../i18n/zh';

const t = zh.map.importGeo;

interface Props {
  job: GeoImportJob | null;
  /** Upload progress in the browser (0–100) before the job starts, else null. */
  uploading: number | null;
  fileName: string;
  onCancel: () => void;
}

export function GeoImportProgress({ job, uploading, fileName, onCancel }: Props) {
  const progress = job?.progress ?? null;
  const cancellable = job === null || job.cancellable;
  const text = uploading !== null ? t.uploading(uploading) : progress ? geoProgressText(progress) : t.starting(fileName);
  const percent = uploading ?? (progress ? Math.floor(progress.overall * 100) : 0);
  return (
    <div className="geo-import-progress" data-testid="geo-import-progress" data-stage={progress?.stage ?? ''} data-job={job?.job ?? ''}>
      <Flex justify="space-between" align="center" gap={12}>
        <Typography.Text data-testid="geo-import-progress-text">{text}</Typography.Text>
        <Button size="small" onClick={onCancel} disabled={!cancellable} data-testid="geo-import-cancel">
          {t.stop}
        </Button>
      </Flex>
      <Progress percent={percent} status="active" size="small" showInfo={false} />
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {cancellable ? t.cancelHint : t.writingHint}
      </Typography.Text>
    </div>
  );
}
