import { useState } from 'react';
import { Link } from 'react-router';
import { ListTable } from '../../components/list-table';
import { Empty } from '../../components/page-state';
import { Pager } from '../../components/pager';
import { formatDateTime } from '../../lib/format';
import { MessageKindBadge } from '../messages/message-kind';
import { useMessageTemplates } from './message-template-queries';
import { templatePath, TEMPLATES_PATH } from './template-paths';

const LIMIT = 50;

/** The admin list of message templates, latest version of each; a row opens the editor. */
export function MessageTemplatesPanel() {
  const [offset, setOffset] = useState(0);
  const templates = useMessageTemplates(offset, LIMIT);
  const page = { ...templates, data: templates.data?.items };
  return (
    <div className="stack">
      <div className="page-actions">
        <Link className="button button-primary" to={`${TEMPLATES_PATH}/new`}>
          New message template
        </Link>
      </div>
      <ListTable
        query={page}
        columns={['Name', 'Key', 'Kind', 'Version', 'Updated']}
        empty={<Empty title="No message templates yet">Install a bundled template from the Templates tab, or create one.</Empty>}
        row={(template) => (
          <tr key={template.key}>
            <td>
              <Link to={templatePath(template.key)}>{template.name}</Link>
            </td>
            <td>
              <code>{template.key}</code>
            </td>
            <td>
              <MessageKindBadge kind={template.kind} />
            </td>
            <td>v{template.version}</td>
            <td>{formatDateTime(template.createdAt)}</td>
          </tr>
        )}
      />
      {templates.data ? <Pager offset={offset} limit={LIMIT} total={templates.data.total} onChange={setOffset} /> : null}
    </div>
  );
}
