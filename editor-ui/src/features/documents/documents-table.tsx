import type { CaseDocument } from '../../api/document-types';
import { formatBytes, formatDateTime } from '../../lib/format';
import { downloadHref, previewKind } from './document-queries';

const SOURCE_NAMES: Record<string, string> = { intake: 'intake form', reviewer: 'reviewer', node: 'n8n', api: 'API' };

/** Who added the file: the person or key by name, else where it came from. */
export function addedByText(document: CaseDocument): string {
  const source = SOURCE_NAMES[document.source] ?? document.source;
  return document.addedBy?.name ? `${document.addedBy.name} (${source})` : source;
}

interface DocumentsTableProps {
  documents: CaseDocument[];
  previewing: string | null;
  onPreview: (document: CaseDocument) => void;
}

/** One row per file: name, kind, size, who added it and when, with Preview (where the browser can show it) and Download. */
export function DocumentsTable({ documents, previewing, onPreview }: DocumentsTableProps) {
  return (
    <div className="table-scroll">
      <table className="table table-compact">
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Kind</th>
            <th scope="col">Size</th>
            <th scope="col">Added by</th>
            <th scope="col">Added</th>
            <th scope="col" aria-label="Actions" />
          </tr>
        </thead>
        <tbody>
          {documents.map((document) => (
            <tr key={document.id} className={previewing === document.id ? 'row-current' : undefined}>
              <td className="document-name">{document.name}</td>
              <td>
                <span className="badge">{document.kind}</span>
                {document.field ? <span className="muted small"> {document.field}</span> : null}
              </td>
              <td className="nowrap">{formatBytes(document.size)}</td>
              <td>{addedByText(document)}</td>
              <td className="nowrap">{formatDateTime(document.createdAt)}</td>
              <td className="col-actions">
                {previewKind(document.contentType) ? (
                  <button type="button" className="button button-ghost" aria-label={`Preview ${document.name}`} onClick={() => onPreview(document)}>
                    Preview
                  </button>
                ) : null}{' '}
                <a className="button button-ghost" href={downloadHref(document)} download={document.name} aria-label={`Download ${document.name}`}>
                  Download
                </a>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
