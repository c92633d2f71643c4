import { API_BASE } from '../../api/client';
import type { MessageAttachment } from '../../api/message-types';
import { formatBytes } from '../../lib/format';

/** The backend names the download path under /api/v1; accept it with or without that prefix. */
export function attachmentHref(url: string, inline = false): string {
  const path = url.startsWith(`${API_BASE}/`) ? url : `${API_BASE}${url.startsWith('/') ? '' : '/'}${url}`;
  return inline ? `${path}${path.includes('?') ? '&' : '?'}inline=true` : path;
}

/** A message's files (uploaded or generated from the template's documents), each downloadable; PDFs can also be opened. */
export function MessageAttachments({ attachments }: { attachments: MessageAttachment[] | undefined }) {
  if (!attachments || attachments.length === 0) return null;
  return (
    <ul className="attachment-list" aria-label="Attachments">
      {attachments.map((attachment, index) => (
        <li key={`${index}-${attachment.filename}`}>
          <span className="attachment-name">{attachment.filename}</span> <span className="muted small">{formatBytes(attachment.size)}</span>
          {attachment.url ? (
            <>
              {' '}
              <a href={attachmentHref(attachment.url)} download={attachment.filename} aria-label={`Download ${attachment.filename}`}>
                Download
              </a>
              {attachment.contentType === 'application/pdf' ? (
                <>
                  {' · '}
                  <a href={attachmentHref(attachment.url, true)} target="_blank" rel="noreferrer" aria-label={`Open ${attachment.filename}`}>
                    Open
                  </a>
                </>
              ) : null}
            </>
          ) : null}
        </li>
      ))}
    </ul>
  );
}
