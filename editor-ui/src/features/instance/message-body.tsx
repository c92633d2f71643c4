import { useState } from 'react';
import type { Message } from '../../api/timeline-types';

/**
 * A rendered message as it was sent: the text version first; the HTML version on request, in a
 * sandboxed frame (no scripts, no same-origin), so a template can never act inside the app.
 */
export function MessageBody({ message }: { message: Message }) {
  const [html, setHtml] = useState(false);
  const hasText = Boolean(message.text && message.text.trim() !== '');
  const showHtml = Boolean(message.html) && (html || !hasText);
  return (
    <details className="message-body">
      <summary>Show message</summary>
      <p className="message-subject">
        <strong>Subject:</strong> {message.subject}
      </p>
      {showHtml ? (
        <iframe className="message-html" title={`Message: ${message.subject}`} sandbox="" srcDoc={message.html ?? ''} />
      ) : (
        <pre className="message-text">{message.text ?? ''}</pre>
      )}
      {message.html && hasText ? (
        <button type="button" className="button button-ghost small" onClick={() => setHtml(!html)}>
          {html ? 'Show the text version' : 'Show the HTML version'}
        </button>
      ) : null}
    </details>
  );
}
