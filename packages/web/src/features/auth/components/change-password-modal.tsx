import { Modal } from 'antd';
import { ChangePasswordForm } from './change-password-form.tsx';

/** The change-password form, reachable from the user menu on every page. */
export function ChangePasswordModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  return (
    <Modal title="修改密码" open={open} onCancel={onClose} footer={null} destroyOnHidden mask={{ closable: false }}>
      <ChangePasswordForm onDone={onClose} />
    </Modal>
  );
}
