import { useMutation, useQuery } from '@tanstack/react-query';
import type { N8nGenerated, N8nSyncPlan } from '../../../../api/types';
import { Dialog } from '../../../../components/dialog';
import { ErrorNotice, Loading, errorMessage } from '../../../../components/page-state';
import { designerApi } from '../designer-api';

interface GenerateDialogProps {
  processKey: string;
  open: boolean;
  onClose: () => void;
  onGenerated: (generated: N8nGenerated) => void;
}

/**
 * Generating the n8n workflow, planned first (a dry run): what will be created, updated and removed, and above
 * all which hand edits in n8n would be overwritten, which the designer confirms by generating anyway.
 */
export function GenerateDialog({ processKey, open, onClose, onGenerated }: GenerateDialogProps) {
  const plan = useQuery({ queryKey: ['n8n-plan', processKey], queryFn: () => designerApi.planWorkflow(processKey), enabled: open, retry: false, gcTime: 0 });
  const generate = useMutation({
    mutationFn: (confirm: boolean) => designerApi.generateWorkflow(processKey, confirm),
    onSuccess: (generated) => {
      onGenerated(generated);
      onClose();
    },
  });
  const overwrites = plan.data?.plan.overwrite ?? [];
  return (
    <Dialog title="Generate n8n workflow" open={open} onClose={onClose}>
      {plan.isPending ? <Loading label="Planning the workflow…" /> : plan.error ? <ErrorNotice error={plan.error} /> : <PlanSummary plan={plan.data.plan} />}
      {generate.error ? (
        <p className="form-error" role="alert">
          {errorMessage(generate.error)}
        </p>
      ) : null}
      <div className="dialog-actions">
        <button type="button" className="button" onClick={onClose}>
          Cancel
        </button>
        <button type="button" className="button button-primary" disabled={!plan.data || generate.isPending} onClick={() => generate.mutate(overwrites.length > 0)}>
          {generate.isPending ? 'Generating…' : 'Generate'}
        </button>
      </div>
    </Dialog>
  );
}

function PlanSummary({ plan }: { plan: N8nSyncPlan }) {
  const rows: Array<[string, string[]]> = [
    ['Nodes to add', plan.add],
    ['Nodes to update', plan.update],
    ['Nodes to remove', plan.remove],
    ['Nodes kept as they are', plan.keep],
  ];
  return (
    <>
      {plan.overwrite.length > 0 ? (
        <div className="designer-overwrite" role="alert">
          <strong>Generating overwrites changes made by hand in n8n:</strong>
          <ul>
            {plan.overwrite.map((entry) => (
              <li key={entry.node}>
                {entry.node}: {entry.parameters.join(', ')}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <p>{plan.create ? 'A new workflow will be created in n8n.' : `Workflow ${plan.workflowId ?? ''} will be updated in place; nodes added by hand stay.`}</p>
      <ul className="small">
        {rows.map(([label, nodes]) => (
          <li key={label}>
            {label}: {nodes.length === 0 ? 'none' : nodes.join(', ')}
          </li>
        ))}
      </ul>
    </>
  );
}
