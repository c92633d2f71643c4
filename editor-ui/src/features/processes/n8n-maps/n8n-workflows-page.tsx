import { Link } from 'react-router';
import { ApiError } from '../../../api/client';
import { ListTable } from '../../../components/list-table';
import { PageHeader } from '../../../components/page-header';
import { Empty, errorMessage } from '../../../components/page-state';
import { n8nMapPath, useN8nWorkflows } from './n8n-map-queries';

const COLUMNS = ['Workflow', 'Active', 'Caseflow nodes', 'Processes'];

/** The n8n workflows that use Caseflow nodes; each opens as the process map its nodes draw. */
export default function N8nWorkflowsPage() {
  const workflows = useN8nWorkflows();
  const notConnected = workflows.error instanceof ApiError && workflows.error.status === 503;
  return (
    <>
      <PageHeader
        title="n8n workflows"
        subtitle="Workflows composed in n8n with Caseflow nodes, drawn as process maps."
        actions={<Link to="/processes">All processes</Link>}
      />
      {notConnected ? (
        <Empty title="n8n is not connected">{errorMessage(workflows.error)}</Empty>
      ) : (
        <ListTable
          query={workflows}
          columns={COLUMNS}
          empty={<Empty title="No workflow uses Caseflow nodes">Add a Caseflow node to a workflow in n8n and it is listed here.</Empty>}
          row={(workflow) => (
            <tr key={workflow.id}>
              <td>
                <Link to={n8nMapPath(workflow.id)}>{workflow.name}</Link>
              </td>
              <td>{workflow.active ? <span className="badge">active</span> : <span className="muted">inactive</span>}</td>
              <td>{workflow.caseflowNodes}</td>
              <td>
                {workflow.processKeys.length > 0
                  ? workflow.processKeys.map((key, index) => (
                      <span key={key}>
                        {index > 0 ? ', ' : null}
                        <Link to={`/processes/${encodeURIComponent(key)}`}>{key}</Link>
                      </span>
                    ))
                  : <span className="muted">—</span>}
              </td>
            </tr>
          )}
        />
      )}
    </>
  );
}
