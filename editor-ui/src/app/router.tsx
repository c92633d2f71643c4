import { lazy, Suspense, type ReactNode } from 'react';
import { createBrowserRouter } from 'react-router';
import type { Permission } from '../api/types';
import { Loading } from '../components/page-state';
import { AdminIndexRedirect } from '../features/admin/admin-sections';
import { EntityDetailPage } from '../features/entities/entity-detail-page';
import { EntityListPage } from '../features/entities/entity-list-page';
import { EntityTypesIndex } from '../features/entities/entity-types-index';
import { InboxPage } from '../features/inbox/inbox-page';
import { InstancePage } from '../features/instance/instance-page';
import { NeedsAttentionPage } from '../features/instance/needs-attention-page';
import { SignInPage } from '../features/sign-in/sign-in-page';
import { TaskPage } from '../features/task/task-page';
import { RequirePermission, RequireSession } from '../session/require-session';
import { HomeRedirect } from './home-redirect';
import { Layout } from './layout';
import { NotFoundPage } from './not-found-page';
import { RouteError } from './route-error';

// Charts and admin forms are only needed by some users: load them on demand.
const ReportsPage = lazy(() => import('../features/reports/reports-page'));
const AgendaPage = lazy(() => import('../features/agenda/agenda-page'));
const AdminPage = lazy(() => import('../features/admin/admin-page'));
const MessageTemplateEditorPage = lazy(() => import('../features/message-templates/message-template-editor-page'));
const MessageTemplateVersionPage = lazy(() => import('../features/message-templates/message-template-version-page'));
// The diagram pages carry React Flow and elk: reviewers' inbox must not download them.
const ProcessesPage = lazy(() => import('../features/processes/processes-page'));
const ProcessVersionsPage = lazy(() => import('../features/processes/process-versions-page'));
const ProcessDiagramPage = lazy(() => import('../features/processes/process-diagram-page'));
// The designer is a chunk of its own: only designers and admins open it.
const NewProcessPage = lazy(() => import('../features/processes/designer/page/new-process-page'));
const DesignerPage = lazy(() => import('../features/processes/designer/page/designer-page'));
const LiveMapPage = lazy(() => import('../features/processes/live-map/live-map-page'));
const N8nWorkflowsPage = lazy(() => import('../features/processes/n8n-maps/n8n-workflows-page'));
const N8nProcessMapPage = lazy(() => import('../features/processes/n8n-maps/n8n-process-map-page'));
// Every signed-in user's own settings: notifications, absence, calendar feed.
const SettingsPage = lazy(() => import('../features/settings/settings-page'));

function guarded(permission: Permission, page: ReactNode): ReactNode {
  return (
    <RequirePermission permission={permission}>
      <Suspense fallback={<Loading />}>{page}</Suspense>
    </RequirePermission>
  );
}

export const routes = [
  { path: '/sign-in', element: <SignInPage />, errorElement: <RouteError /> },
  {
    path: '/',
    errorElement: <RouteError />,
    element: (
      <RequireSession>
        <Layout />
      </RequireSession>
    ),
    children: [
      { index: true, element: <HomeRedirect /> },
      { path: 'inbox', element: guarded('tasks:read', <InboxPage />) },
      { path: 'agenda', element: guarded('tasks:read', <AgendaPage />) },
      { path: 'tasks/:taskId', element: guarded('tasks:read', <TaskPage />) },
      { path: 'instances/:instanceId', element: guarded('instances:read', <InstancePage />) },
      { path: 'attention', element: guarded('instances:read', <NeedsAttentionPage />) },
      { path: 'entities', element: guarded('entities:read', <EntityTypesIndex />) },
      { path: 'entities/:type', element: guarded('entities:read', <EntityListPage />) },
      { path: 'entities/:type/:entityId', element: guarded('entities:read', <EntityDetailPage />) },
      { path: 'reports', element: guarded('reports:read', <ReportsPage />) },
      { path: 'processes', element: guarded('processes:read', <ProcessesPage />) },
      { path: 'processes/new', element: guarded('processes:write', <NewProcessPage />) },
      { path: 'processes/:key', element: guarded('processes:read', <ProcessVersionsPage />) },
      { path: 'processes/:key/design', element: guarded('processes:write', <DesignerPage />) },
      { path: 'processes/:key/versions/:version', element: guarded('processes:read', <ProcessDiagramPage />) },
      // Managers read the live map (its figures need reports:read); "n8n" outranks ":key" as a static segment.
      { path: 'processes/:key/live', element: guarded('reports:read', <LiveMapPage />) },
      { path: 'processes/n8n', element: guarded('processes:read', <N8nWorkflowsPage />) },
      { path: 'processes/n8n/:id', element: guarded('processes:read', <N8nProcessMapPage />) },
      { path: 'settings', element: <Suspense fallback={<Loading />}><SettingsPage /></Suspense> },
      { path: 'admin', element: <AdminIndexRedirect /> },
      // Each admin section names its own permission (designers edit message templates too).
      { path: 'admin/:section', element: <Suspense fallback={<Loading />}><AdminPage /></Suspense> },
      { path: 'admin/message-templates/new', element: guarded('messages:write', <MessageTemplateEditorPage />) },
      { path: 'admin/message-templates/:key', element: guarded('messages:write', <MessageTemplateEditorPage />) },
      { path: 'admin/message-templates/:key/versions/:version', element: guarded('messages:read', <MessageTemplateVersionPage />) },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
];

export const router = createBrowserRouter(routes);
