import type { Message } from '../../api/timeline-types';

/**
 * A rendered message as it was sent. HTML goes into a sandboxed frame (no scripts, no same-origin),
 * so a template can never act inside the app.
 */
export function MessageBody({ message }: { message: Message }) {
  return (
    <details className="message-body">
      <summary>Show message</summary>
      <p className="message-subject">
        <strong>Subject:</strong> {message.subject}
      </p>
      {message.html ? (
        <iframe className="message-html" title={`Message: ${message.subject}`} sandbox="" srcDoc={message.html} />
      ) : (
        <pre className="message-text">{message.text ?? ''}</pre>
      )}
    </details>
  );
}
