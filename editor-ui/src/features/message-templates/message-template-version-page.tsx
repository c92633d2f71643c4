import { Link, useParams } from 'react-router';
import { PageHeader } from '../../components/page-header';
import { Empty, QueryState } from '../../components/page-state';
import { formatDateTime } from '../../lib/format';
import { MessageKindBadge } from '../messages/message-kind';
import { useTemplateVersions } from './message-template-queries';
import { draftOf } from './template-draft';
import { TemplateFields } from './template-fields';
import { templatePath } from './template-paths';

const ignore = () => undefined;

/** One saved version, read-only: what the messages rendered from it were made of. */
export default function MessageTemplateVersionPage() {
  const { key = '', version = '' } = useParams();
  const versions = useTemplateVersions(key);
  return (
    <QueryState query={versions} loadingLabel="Loading version…">
      {(list) => {
        const template = list.find((v) => String(v.version) === version);
        if (!template) return <Empty title={`Version ${version} of ${key} does not exist`} />;
        return (
          <article>
            <PageHeader
              title={`${template.name} · version ${template.version}`}
              subtitle={
                <>
                  <code>{template.key}</code> · saved {formatDateTime(template.createdAt)} <MessageKindBadge kind={template.kind} />
                </>
              }
              actions={<Link to={templatePath(key)}>Edit the latest version</Link>}
            />
            <section className="card" aria-label="Template (read-only)">
              <TemplateFields draft={draftOf(template)} onChange={ignore} errors={{}} isNew={false} readOnly />
            </section>
          </article>
        );
      }}
    </QueryState>
  );
}
