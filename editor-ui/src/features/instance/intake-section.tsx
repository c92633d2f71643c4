import type { ReactNode } from 'react';
import type { CaseDocument } from '../../api/document-types';
import type { Instance, IntakeField } from '../../api/types';
import { DataList, DetailsList } from '../../components/details-list';
import { Loading } from '../../components/page-state';
import { useCaseDocuments } from '../documents/document-queries';
import { useProcessVersion } from '../processes/process-version-queries';
import { dataBeyondIntake, intakeEntries, type IntakeAnswer } from './intake-display';

/** Text as it is, a file as a link to its document; nothing given reads "—". */
function answerNode(answer: IntakeAnswer, key: string): ReactNode {
  if (answer.kind === 'none') return null;
  if (answer.kind === 'text') return answer.text;
  return (
    <a key={key} href={answer.href} download={answer.name}>
      {answer.name}
    </a>
  );
}

/**
 * The case's intake under the labels its process version gave it; what the intake does not describe stays
 * under "Raw data". A case whose process has no intake (or cannot be read) shows its data as before.
 */
export function IntakeSection({ instance }: { instance: Instance }) {
  // The same query as the Documents section's: file answers link to the stored documents.
  const documents = useCaseDocuments(instance.id);
  const version = useProcessVersion(instance.processKey, instance.processVersion);
  const intake = version.data?.intake ?? [];
  const body = version.isPending ? (
    <Loading label="Loading intake…" />
  ) : intake.length === 0 ? (
    <DataList data={instance.data} />
  ) : (
    <IntakeDetails instance={instance} documents={documents.data ?? []} intake={intake} />
  );
  return (
    <section className="card" aria-labelledby={`intake-${instance.id}`}>
      <h2 id={`intake-${instance.id}`}>{intake.length > 0 ? 'Intake' : 'Data'}</h2>
      {body}
    </section>
  );
}

function IntakeDetails({ instance, documents, intake }: { instance: Instance; documents: CaseDocument[]; intake: IntakeField[] }) {
  const entries = intakeEntries(intake, instance, documents);
  const rest = dataBeyondIntake(instance.data, intake);
  return (
    <>
      <DetailsList items={entries.map((entry) => [entry.label, answerNode(entry.answer, entry.path)])} />
      {Object.keys(rest).length > 0 ? (
        <details className="raw-data">
          <summary>Raw data</summary>
          <DataList data={rest} />
        </details>
      ) : null}
    </>
  );
}
