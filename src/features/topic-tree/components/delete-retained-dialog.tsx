import { Modal } from '../../../components/ui/modal.tsx';

interface DeleteRetainedDialogProps {
  topic: string;
  connectionName: string;
  onConfirm: () => void;
  onClose: () => void;
}

/** Asks before the broker forgets a retained message: nothing brings it back. */
export function DeleteRetainedDialog({
  topic,
  connectionName,
  onConfirm,
  onClose,
}: DeleteRetainedDialogProps) {
  return (
    <Modal title="Delete the retained message?" onClose={onClose}>
      <p className="delete-retained-text">
        The broker of <strong>{connectionName}</strong> forgets the retained message of{' '}
        <code>{topic}</code>: clients that subscribe from now on no longer receive it. An empty
        retained message (QoS 1) is published to the topic to delete it.
      </p>
      <div className="modal-actions">
        <button type="button" className="button-secondary" onClick={onClose}>
          Cancel
        </button>
        <button
          type="button"
          className="button-secondary button-danger"
          onClick={() => {
            onConfirm();
            onClose();
          }}
        >
          Delete retained message
        </button>
      </div>
    </Modal>
  );
}
