import type { Logger } from '@nestjs/common';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { checkJsonStrings, InputRefusal } from '../common/hostile-input';
import { EmailDecisionPage, renderEmailDecisionPage } from './email-decision-page';
import { EMAIL_DECISIONS_PATH } from './email-decision-links.service';
import type { EmailDecisionsService } from './email-decisions.service';

interface TokenRoute {
  Params: { token: string };
  Body: Record<string, string> | undefined;
}

const BROKEN: EmailDecisionPage = {
  status: 500,
  view: { kind: 'closed', title: 'Something went wrong', message: 'Nothing was decided. Please try again in a moment, or open the task in Caseflow.' },
};

/**
 * Binds the decision-link pages to HTTP, outside /api/v1 and Nest's routing: they are HTML for a
 * browser, authenticated by the token in the path rather than a session or API key. Registered
 * in a scope of its own so the form-body parser they need serves no other route.
 */
export async function serveEmailDecisions(fastify: FastifyInstance, service: EmailDecisionsService, logger: Logger): Promise<void> {
  await fastify.register(async (scope) => {
    scope.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_request, body, done) => {
      const fields = Object.fromEntries(new URLSearchParams(body.toString()));
      try {
        checkJsonStrings(fields);
      } catch (refusal) {
        if (refusal instanceof InputRefusal) return done(Object.assign(new Error(refusal.message), { statusCode: 400 }), undefined);
        return done(refusal as Error, undefined);
      }
      done(null, fields);
    });

    const answer = async (reply: FastifyReply, work: () => Promise<EmailDecisionPage>) => {
      let page: EmailDecisionPage;
      try {
        page = await work();
      } catch (error) {
        // Never the URL: its token is a live credential.
        logger.error(`Decision link page failed: ${error instanceof Error ? error.stack : String(error)}`);
        page = BROKEN;
      }
      return reply
        .code(page.status)
        .header('content-type', 'text/html; charset=utf-8')
        .header('cache-control', 'no-store')
        .send(renderEmailDecisionPage(page.view));
    };

    scope.get<TokenRoute>(`${EMAIL_DECISIONS_PATH}/:token`, (request, reply) => answer(reply, () => service.show(request.params.token)));
    scope.post<TokenRoute>(`${EMAIL_DECISIONS_PATH}/:token`, (request, reply) =>
      answer(reply, () => service.confirm(request.params.token, request.body?.comment ?? '')),
    );
  });
}
