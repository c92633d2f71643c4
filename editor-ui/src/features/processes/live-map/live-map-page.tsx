import { useMemo, useState } from 'react';
import { Link, useParams } from 'react-router';
import type { Process } from '../../../api/types';
import { PageHeader } from '../../../components/page-header';
import { Empty, ErrorNotice, errorMessage, Loading, QueryState } from '../../../components/page-state';
import { versionPath } from '../process-version-queries';
import { stagesOfNodes } from './apply-live-map';
import { FlowView } from './flow-view';
import { toMapGraph } from './live-map-graph';
import { DEFAULT_PERIOD_DAYS, useCurrentProcess, useLiveMap } from './live-map-queries';
import { LiveMapToolbar } from './live-map-toolbar';
import { StageCasesPanel } from './stage-cases-panel';

/** The published version of a process drawn with where its cases stand now and which paths they took. */
export default function LiveMapPage() {
  const key = useParams().key ?? '';
  const process = useCurrentProcess(key);
  return (
    <QueryState query={process} loadingLabel="Loading the process…">
      {(definition) =>
        definition.status === 'published' ? (
          <LiveMapView definition={definition} />
        ) : (
          <>
            <PageHeader title={`Live map: ${definition.name}`} />
            <Empty title="Not published yet">The live map draws the published version; publish the draft first.</Empty>
          </>
        )
      }
    </QueryState>
  );
}

function LiveMapView({ definition }: { definition: Process }) {
  const [days, setDays] = useState(DEFAULT_PERIOD_DAYS);
  const [selectedStage, setSelectedStage] = useState<string | null>(null);
  const figures = useLiveMap(definition.key, days);
  // Worked out once per version: refreshes change figures, never the drawing.
  const graph = useMemo(() => toMapGraph(definition), [definition]);
  const stages = useMemo(() => stagesOfNodes(graph, definition.flow), [graph, definition.flow]);
  const stageName = (stageKey: string) => definition.stages.find((stage) => stage.key === stageKey)?.name ?? stageKey;

  return (
    <>
      <PageHeader
        title={`Live map: ${definition.name}`}
        subtitle={
          <>
            <code>{definition.key}</code> · version {definition.version} drawn · figures count the cases of every version
          </>
        }
        actions={
          <>
            <Link to={versionPath(definition.key, definition.version)}>Diagram</Link>
            <Link to={`/processes/${encodeURIComponent(definition.key)}`}>All versions</Link>
          </>
        }
      />
      <LiveMapToolbar days={days} onDaysChange={setDays} figures={figures.data} />
      {figures.data && figures.error ? (
        <p className="notice notice-warning" role="status">
          The figures could not be refreshed: {errorMessage(figures.error)}
        </p>
      ) : null}
      {figures.data ? (
        <div className={selectedStage ? 'live-map-layout' : 'live-map-layout live-map-layout-single'}>
          <FlowView
            graph={graph}
            stages={stages}
            figures={figures.data}
            label={`Live map of ${definition.name}`}
            selectedStage={selectedStage}
            onStageClick={setSelectedStage}
          />
          {selectedStage ? (
            <StageCasesPanel key={selectedStage} processKey={definition.key} stageKey={selectedStage} stageName={stageName(selectedStage)} onClose={() => setSelectedStage(null)} />
          ) : null}
        </div>
      ) : figures.error ? (
        <ErrorNotice error={figures.error} onRetry={() => void figures.refetch()} />
      ) : (
        <Loading label="Counting the cases…" />
      )}
    </>
  );
}
