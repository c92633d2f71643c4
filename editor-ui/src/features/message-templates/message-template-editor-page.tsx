import { useParams } from 'react-router';
import { QueryState } from '../../components/page-state';
import { useMessageTemplate } from './message-template-queries';
import { draftOf, EMPTY_DRAFT } from './template-draft';
import { TemplateEditor } from './template-editor';

/** /admin/message-templates/new and /admin/message-templates/:key (the latest version, to edit). */
export default function MessageTemplateEditorPage() {
  const key = useParams().key;
  const latest = useMessageTemplate(key ?? '', key !== undefined);
  if (key === undefined) return <TemplateEditor initial={EMPTY_DRAFT} />;
  return (
    <QueryState query={latest} loadingLabel="Loading template…">
      {(template) => <TemplateEditor key={template.key} initial={draftOf(template)} version={template.version} />}
    </QueryState>
  );
}
