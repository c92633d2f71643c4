import { useMemo, useState, type FormEvent } from 'react';
import { ApiError } from '../../api/client';
import type { IntakeField } from '../../api/types';
import { errorMessage } from '../../components/page-state';
import { IntakeFieldInput } from './intake-field-input';
import { checkIntakeForm, placeServerErrors, type IntakeProblems } from './intake-validation';
import { dataFields, intakeData, intakeDocuments, type IntakeFiles, type IntakeLaunch, type IntakeValues } from './intake-values';

interface IntakeFormProps {
  /** The process's whole intake: `data.…` fields are asked for, the record's own only named in errors. */
  intake: IntakeField[];
  busy: boolean;
  /** The launch's refusal; its field errors are placed next to the fields they name. */
  error: unknown;
  onSubmit: (launch: IntakeLaunch) => void;
  onBack: () => void;
}

/** The process's intake as a form: one input per case-data field and file, checked here first, then by the backend. */
export function IntakeForm({ intake, busy, error, onSubmit, onBack }: IntakeFormProps) {
  const fields = useMemo(() => dataFields(intake), [intake]);
  const [values, setValues] = useState<IntakeValues>({});
  const [files, setFiles] = useState<IntakeFiles>({});
  const [local, setLocal] = useState<Record<string, string>>({});
  const [reading, setReading] = useState(false);
  const [readError, setReadError] = useState<string | null>(null);
  // Fields changed since the refusal: their old server message no longer describes them.
  const [edited, setEdited] = useState<Set<string>>(new Set());
  // Which field each sent document answers, so `documents[0]` in a refusal lands on the right file input.
  const [sentDocuments, setSentDocuments] = useState<string[]>([]);

  const server: IntakeProblems = useMemo(() => {
    if (!error) return { byField: {}, unplaced: [] };
    const placed = error instanceof ApiError && error.details.length > 0 ? placeServerErrors(intake, fields, error.details, sentDocuments) : null;
    return placed ?? { byField: {}, unplaced: [errorMessage(error)] };
  }, [error, intake, fields, sentDocuments]);

  const problems: Record<string, string> = { ...local };
  for (const [path, message] of Object.entries(server.byField)) if (!edited.has(path) && !problems[path]) problems[path] = message;
  const summary = [
    ...(readError ? [readError] : []),
    ...fields.flatMap((field) => problems[field.path] ?? []),
    ...server.unplaced,
  ];

  const changed = (path: string) => {
    setLocal((current) => Object.fromEntries(Object.entries(current).filter(([key]) => key !== path)));
    setEdited((current) => new Set(current).add(path));
  };
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found = checkIntakeForm(fields, values, files);
    setLocal(found);
    setReadError(null);
    if (Object.keys(found).length > 0) return;
    setReading(true);
    try {
      const documents = await intakeDocuments(fields, files);
      setSentDocuments(documents.map((document) => document.field ?? ''));
      setEdited(new Set());
      onSubmit({ data: intakeData(fields, values), documents });
    } catch (cause) {
      setReadError(`A file could not be read: ${errorMessage(cause)}`);
    } finally {
      setReading(false);
    }
  };

  return (
    <form className="stack" aria-label="Intake" noValidate onSubmit={(event) => void submit(event)}>
      {summary.length > 0 ? (
        <div className="intake-summary" role="alert">
          <p>{summary.length === 1 ? 'One thing to fix before the case can start:' : `${summary.length} things to fix before the case can start:`}</p>
          <ul>
            {summary.map((message, index) => (
              <li key={index}>{message}</li>
            ))}
          </ul>
        </div>
      ) : null}
      {fields.map((field) => (
        <IntakeFieldInput
          key={field.path}
          field={field}
          value={values[field.path]}
          file={files[field.path]}
          error={problems[field.path]}
          onValue={(value) => {
            setValues((current) => ({ ...current, [field.path]: value }));
            changed(field.path);
          }}
          onFile={(file) => {
            setFiles((current) => ({ ...current, [field.path]: file }));
            changed(field.path);
          }}
        />
      ))}
      <div className="page-actions">
        <button type="button" className="button" onClick={onBack}>
          Back
        </button>
        <button type="submit" className="button button-primary" disabled={busy || reading}>
          {busy || reading ? 'Starting…' : 'Start'}
        </button>
      </div>
    </form>
  );
}
