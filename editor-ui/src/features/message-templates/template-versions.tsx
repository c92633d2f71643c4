import { Link } from 'react-router';
import { ListTable } from '../../components/list-table';
import { Empty } from '../../components/page-state';
import { formatDateTime } from '../../lib/format';
import { MessageKindBadge } from '../messages/message-kind';
import { useTemplateVersions } from './message-template-queries';
import { templatePath } from './template-paths';

/** Every saved version of a template, newest first; messages keep the version they were rendered from. */
export function TemplateVersions({ templateKey }: { templateKey: string }) {
  const versions = useTemplateVersions(templateKey);
  return (
    <section className="card" aria-labelledby="versions-title">
      <h2 id="versions-title">Versions</h2>
      <ListTable
        query={versions}
        columns={['Version', 'Subject', 'Kind', 'Saved', null]}
        empty={<Empty title="Not saved yet" />}
        row={(version) => (
          <tr key={version.version}>
            <td>v{version.version}</td>
            <td>{version.subject}</td>
            <td>
              <MessageKindBadge kind={version.kind} />
            </td>
            <td>{formatDateTime(version.createdAt)}</td>
            <td>
              <Link to={templatePath(version.key, version.version)} aria-label={`View version ${version.version}`}>
                View
              </Link>
            </td>
          </tr>
        )}
      />
    </section>
  );
}
