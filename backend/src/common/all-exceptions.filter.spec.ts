import { ArgumentsHost, ConflictException, Logger } from '@nestjs/common';
import { AllExceptionsFilter } from './all-exceptions.filter';

function hostFor(reply: { status: jest.Mock; send: jest.Mock }): ArgumentsHost {
  return {
    switchToHttp: () => ({ getResponse: () => reply, getRequest: () => ({ method: 'GET', url: '/api/v1/x' }) }),
  } as unknown as ArgumentsHost;
}

describe('AllExceptionsFilter', () => {
  const reply = () => {
    const r = { status: jest.fn(), send: jest.fn() };
    r.status.mockReturnValue(r);
    return r;
  };

  it('turns an unexpected error into a logged 500 with a correlation id and no internals', () => {
    const logged = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
    const r = reply();
    new AllExceptionsFilter().catch(new Error('connection string postgres://secret@db'), hostFor(r));
    expect(r.status).toHaveBeenCalledWith(500);
    const body = r.send.mock.calls[0][0];
    expect(body.correlationId).toMatch(/^[0-9a-f-]{36}$/);
    expect(JSON.stringify(body)).not.toContain('secret');
    expect(logged.mock.calls[0]![0]).toContain(body.correlationId);
    logged.mockRestore();
  });

  it('keeps the status and message of an expected HTTP exception', () => {
    const r = reply();
    new AllExceptionsFilter().catch(new ConflictException('Task t is claimed by Ada.'), hostFor(r));
    expect(r.status).toHaveBeenCalledWith(409);
    expect(r.send.mock.calls[0][0]).toMatchObject({ statusCode: 409, message: 'Task t is claimed by Ada.' });
  });
});
