import { Dialog } from '../../components/dialog';
import { SHORTCUT_HELP } from '../../lib/shortcuts';

export function ShortcutHelp({ open, onClose }: { open: boolean; onClose: () => void }) {
  return (
    <Dialog title="Keyboard shortcuts" open={open} onClose={onClose}>
      <table className="shortcut-table">
        <tbody>
          {SHORTCUT_HELP.map(([keys, action]) => (
            <tr key={keys}>
              <td>
                <kbd>{keys}</kbd>
              </td>
              <td>{action}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Dialog>
  );
}
