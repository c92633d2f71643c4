import { useQuery } from '@tanstack/react-query';
import { Dialog } from '../../../../components/dialog';
import { ErrorNotice, Loading } from '../../../../components/page-state';
import { designerApi } from '../designer-api';
import { fromProcess } from '../model/design-definition';
import { diffDefinitions } from '../model/definition-diff';
import { selectDefinition } from '../store/designer-selectors';
import { useDesigner } from '../store/designer-store-context';

const KIND_WORDS = { added: 'Added', removed: 'Removed', changed: 'Changed' } as const;

/** The differences between what is on the canvas and the latest published version. */
export function CompareDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const definition = useDesigner(selectDefinition);
  const versions = useQuery({ queryKey: ['processes', definition.key, 'versions', 'compare'], queryFn: () => designerApi.versions(definition.key), enabled: open, retry: false });
  const published = versions.data?.find((version) => version.status === 'published');
  const differences = published ? diffDefinitions(fromProcess(published), definition) : [];
  return (
    <Dialog title="Compare with published" open={open} onClose={onClose}>
      {versions.isPending ? (
        <Loading label="Loading the published version…" />
      ) : versions.error && !(versions.error instanceof Error && 'status' in versions.error && versions.error.status === 404) ? (
        <ErrorNotice error={versions.error} />
      ) : !published ? (
        <p>Nothing is published yet: publishing will make this the first version.</p>
      ) : differences.length === 0 ? (
        <p>No differences from version {published.version}.</p>
      ) : (
        <>
          <p className="small">Against version {published.version}:</p>
          <ul className="designer-diff">
            {differences.map((difference, index) => (
              <li key={index} className={`designer-diff-${difference.kind}`}>
                <strong>{KIND_WORDS[difference.kind]}</strong> {difference.what}
              </li>
            ))}
          </ul>
        </>
      )}
    </Dialog>
  );
}
