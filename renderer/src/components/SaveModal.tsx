import { Modal, type ModalProps } from 'antd';
import { zh } from '../i18n/zh';

/** A dialog whose OK button saves (保存 / 取消); what it holds is dropped when it closes. */
export function SaveModal(props: ModalProps) {
  return <Modal okText={zh.common.save} cancelText={zh.common.cancel} destroyOnHidden {...props} />;
}
