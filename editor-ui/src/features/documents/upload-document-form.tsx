import { useId, useState, type FormEvent } from 'react';
import { errorMessage } from '../../components/page-state';
import { useUploadDocument } from './document-queries';
import { toDocumentUpload } from './read-file';

const DEFAULT_KIND = 'supporting';

/** Adds a file to the case; a refusal (too large, a type not allowed, bytes that are not what they claim) is shown as the backend words it. */
export function UploadDocumentForm({ instanceId, taskId, kinds }: { instanceId: string; taskId?: string; kinds: string[] }) {
  const id = useId();
  const upload = useUploadDocument(instanceId);
  const [file, setFile] = useState<File | null>(null);
  const [kind, setKind] = useState(DEFAULT_KIND);
  const [reading, setReading] = useState(false);
  const [readError, setReadError] = useState<string | null>(null);
  // A new key empties the file input after an upload: its value cannot be set from code.
  const [inputKey, setInputKey] = useState(0);
  const [added, setAdded] = useState<string | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!file) return;
    setReadError(null);
    setAdded(null);
    setReading(true);
    let body;
    try {
      body = await toDocumentUpload(file, { kind: kind.trim() || DEFAULT_KIND, ...(taskId ? { taskId } : {}) });
    } catch (error) {
      setReadError(errorMessage(error));
      return;
    } finally {
      setReading(false);
    }
    upload.mutate(body, {
      onSuccess: (document) => {
        setAdded(document.name);
        setFile(null);
        setInputKey((key) => key + 1);
      },
    });
  };
  const pick = (picked: File | null) => {
    setFile(picked);
    setAdded(null);
    setReadError(null);
    upload.reset();
  };

  const failure = upload.error ? errorMessage(upload.error) : readError;
  return (
    <form className="inline-form upload-form" aria-label="Upload a document" onSubmit={(event) => void submit(event)}>
      <div className="field field-grow">
        <label htmlFor={`${id}-file`}>File</label>
        <input key={inputKey} id={`${id}-file`} type="file" onChange={(e) => pick(e.target.files?.[0] ?? null)} />
      </div>
      <div className="field field-inline">
        <label htmlFor={`${id}-kind`}>Kind</label>
        <input id={`${id}-kind`} list={`${id}-kinds`} maxLength={50} value={kind} onChange={(e) => setKind(e.target.value)} />
        <datalist id={`${id}-kinds`}>
          {kinds.map((k) => (
            <option key={k} value={k} />
          ))}
        </datalist>
      </div>
      <button type="submit" className="button button-primary" disabled={!file || reading || upload.isPending}>
        {reading || upload.isPending ? 'Uploading…' : 'Upload'}
      </button>
      {failure ? (
        <p className="form-error" role="alert">
          Not added: {failure}
        </p>
      ) : null}
      {added && !failure ? (
        <p className="muted small" role="status">
          Added {added}.
        </p>
      ) : null}
    </form>
  );
}
