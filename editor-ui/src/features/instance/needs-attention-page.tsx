import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { api } from '../../api/client';
import type { Instance, Page } from '../../api/types';
import { ListTable } from '../../components/list-table';
import { PageHeader } from '../../components/page-header';
import { Empty } from '../../components/page-state';
import { Pager } from '../../components/pager';
import { formatDateTime } from '../../lib/format';
import { useProcessNames } from '../processes/use-process-names';

const PAGE_SIZE = 25;
const REFRESH_MS = 30_000;

/** Failed cases: an n8n execution failed, or n8n refused to resume one. Each opens on its case page, where it is retried or cancelled. */
export function NeedsAttentionPage() {
  const [offset, setOffset] = useState(0);
  const { processName } = useProcessNames();
  const failed = useQuery({
    queryKey: ['instances', 'failed', offset],
    queryFn: () => api.get<Page<Instance>>('/instances', { status: 'failed', limit: PAGE_SIZE, offset }),
    placeholderData: keepPreviousData,
    refetchInterval: REFRESH_MS,
  });
  return (
    <section>
      <PageHeader title="Needs attention" subtitle="Cases whose n8n execution failed, or whose execution n8n refused to resume." />
      <ListTable
        query={{ ...failed, data: failed.data?.items }}
        empty={
          <Empty title="Nothing needs attention">
            A case shows up here when its n8n execution fails (the backend needs N8N_URL and N8N_API_KEY to notice) or when n8n refuses to resume it.
          </Empty>
        }
        columns={['Case', 'Record', 'Failed node', 'Message', 'Since']}
        row={(instance) => (
          <tr key={instance.id}>
            <td>
              <Link to={`/instances/${instance.id}`}>{processName(instance.processKey)}</Link>
              {instance.currentStage ? <div className="muted small">{instance.currentStage.name}</div> : null}
            </td>
            <td>{instance.entity ? `${instance.entity.name} (${instance.entity.externalId})` : '—'}</td>
            <td>{instance.failure?.node ?? (instance.failure?.source === 'resume' ? 'Resume refused' : '—')}</td>
            <td className="small">{instance.failure?.message ?? '—'}</td>
            <td>{formatDateTime(instance.failure?.at ?? instance.updatedAt)}</td>
          </tr>
        )}
      />
      <Pager offset={offset} limit={PAGE_SIZE} total={failed.data?.total ?? 0} onChange={setOffset} />
    </section>
  );
}
