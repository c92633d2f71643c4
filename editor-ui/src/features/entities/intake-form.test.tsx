import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Entity, Process } from '../../api/types';
import { installFakeApi, type RecordedCall } from '../../test/fake-api';
import { reviewer } from '../../test/fixtures';
import { renderPage } from '../../test/render';
import { StartWorkflowMenu } from './start-workflow-menu';

afterEach(() => vi.unstubAllGlobals());

const ADA: Entity = { id: 'e-1', type: 'student', externalId: 'S-1', name: 'Ada Lovelace', email: null, managerEmail: null, attributes: {} };
const REFERRAL: Process = {
  id: 'p-1',
  key: 'referral',
  version: 2,
  status: 'published',
  name: 'Student referral',
  description: null,
  entityTypes: ['student'],
  stages: [],
  decisions: [],
  publishedAt: '2026-11-01T00:00:00.000Z',
  intake: [
    { path: 'entity.email', label: 'Student email', type: 'email', required: true },
    { path: 'data.reason', label: 'Reason', type: 'text', required: true, help: 'In the tutor’s words' },
    { path: 'data.hours', label: 'Hours a week', type: 'number', required: false },
    { path: 'data.letter', label: 'Referral letter', type: 'file', required: true },
  ],
};
const PDF = '%PDF-1.4\n1 0 obj\n';

function open(launch: (call: RecordedCall) => { status?: number; body?: unknown }) {
  const api = installFakeApi({
    'GET /auth/me': () => ({ body: reviewer }),
    'GET /processes': () => ({ body: { items: [REFERRAL], total: 1, limit: 50, offset: 0 } }),
    'POST /instances': launch,
  });
  const view = renderPage('/entities/student/e-1', [
    { path: '/entities/:type/:entityId', element: <StartWorkflowMenu entity={ADA} /> },
    { path: '/instances/:instanceId', element: <p>The new case</p> },
  ]);
  return { ...api, ...view };
}

async function chooseReferral() {
  await userEvent.click(await screen.findByRole('button', { name: 'Start workflow' }));
  await userEvent.click(screen.getByRole('button', { name: /Student referral/ }));
  return screen.getByRole('form', { name: 'Intake' });
}

const launches = (calls: RecordedCall[]) => calls.filter((call) => call.method === 'POST' && call.path === '/instances');

describe('the start workflow form', () => {
  it('asks for every case-data field and file, marks the required ones and shows help', async () => {
    open(() => ({ status: 500 }));
    const form = await chooseReferral();
    expect(within(form).getByLabelText('Reason')).toBeRequired();
    expect(within(form).getByLabelText('Hours a week')).not.toBeRequired();
    expect(within(form).getByLabelText('Referral letter')).toHaveAttribute('type', 'file');
    expect(within(form).getByText('In the tutor’s words')).toBeInTheDocument();
    expect(within(form).queryByLabelText('Student email')).not.toBeInTheDocument();
  });

  it('shows each problem at its field and in a summary, and sends nothing', async () => {
    const { calls } = open(() => ({ status: 500 }));
    const form = await chooseReferral();
    await userEvent.type(within(form).getByLabelText('Hours a week'), 'twelve');
    await userEvent.click(within(form).getByRole('button', { name: 'Start' }));
    const summary = await within(form).findByRole('alert');
    expect(summary).toHaveTextContent('3 things to fix before the case can start');
    expect(within(form).getByLabelText('Reason')).toHaveAttribute('aria-invalid', 'true');
    expect(within(form).getByLabelText('Reason')).toHaveAccessibleDescription(/Reason is required\./);
    expect(within(form).getByLabelText('Hours a week')).toHaveAccessibleDescription('Hours a week must be a number, such as 42 or 3.5.');
    expect(within(form).getByLabelText('Referral letter')).toHaveAccessibleDescription('Referral letter is required.');
    expect(launches(calls)).toHaveLength(0);
  });

  it('sends the data and the file as a base64 intake document, then opens the new case', async () => {
    const { calls, router } = open(() => ({ status: 201, body: { id: 'case-9' } }));
    const form = await chooseReferral();
    await userEvent.type(within(form).getByLabelText('Reason'), 'Missed deadlines');
    await userEvent.type(within(form).getByLabelText('Hours a week'), '3.5');
    await userEvent.upload(within(form).getByLabelText('Referral letter'), new File([PDF], 'letter.pdf', { type: 'application/pdf' }));
    await userEvent.click(within(form).getByRole('button', { name: 'Start' }));
    await screen.findByText('The new case');
    expect(router.state.location.pathname).toBe('/instances/case-9');
    expect(launches(calls)[0]!.body).toEqual({
      processKey: 'referral',
      entityId: 'e-1',
      data: { reason: 'Missed deadlines', hours: 3.5 },
      documents: [{ name: 'letter.pdf', contentType: 'application/pdf', content: btoa(PDF), field: 'data.letter', kind: 'intake' }],
    });
  });

  it('places the backend refusal next to the fields it names and keeps what was typed', async () => {
    const { calls } = open(() => ({
      status: 400,
      body: {
        statusCode: 400,
        message: 'intake: 2 fields are missing or invalid',
        details: [
          { field: 'documents[0]', messages: ['letter.pdf is not a PDF: it does not start with %PDF-'] },
          { field: 'entity.email', messages: ['is required'] },
        ],
      },
    }));
    const form = await chooseReferral();
    await userEvent.type(within(form).getByLabelText('Reason'), 'Missed deadlines');
    await userEvent.upload(within(form).getByLabelText('Referral letter'), new File(['not a pdf'], 'letter.pdf', { type: 'application/pdf' }));
    await userEvent.click(within(form).getByRole('button', { name: 'Start' }));
    const summary = await within(form).findByRole('alert');
    expect(summary).toHaveTextContent('letter.pdf is not a PDF: it does not start with %PDF-.');
    expect(summary).toHaveTextContent('Student email is required. It comes from the record: edit the record, then start again.');
    expect(within(form).getByLabelText('Referral letter')).toHaveAccessibleDescription('letter.pdf is not a PDF: it does not start with %PDF-.');
    expect(within(form).getByLabelText('Reason')).toHaveValue('Missed deadlines');
    expect(screen.getByRole('dialog')).toBeInTheDocument();
    expect(launches(calls)).toHaveLength(1);

    // A new file takes the old file's message away.
    await userEvent.upload(within(form).getByLabelText('Referral letter'), new File([PDF], 'letter.pdf', { type: 'application/pdf' }));
    await waitFor(() => expect(within(form).getByLabelText('Referral letter')).not.toHaveAttribute('aria-invalid'));
  });
});
