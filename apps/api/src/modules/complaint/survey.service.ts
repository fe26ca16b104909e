import type { DataSource } from 'typeorm';
import { SATISFACTION_TARGET, satisfactionRate } from '@fulfilment/domain';
import { Actor, actorLabel } from '../../common/actor';
import { audit } from '../../common/audit';
import { pageSize } from '../../common/connection';
import { localId } from '../../common/global-id';
import { MutationResult, Mutations } from '../../common/mutation';
import { fail } from '../../common/user-error';
import { validateInput } from '../../common/validation';
import { LOCALE_OF } from '../notification/notification.enums';
import { AnswerSurveyInput, ReplyTemplateInput, UpdateReplyTemplateInput } from './survey.inputs';
import { ReplyTemplate, SatisfactionSurvey } from './survey.entity';

/** Satisfaction surveys (answered by the public link) and customer service's reply templates. */
export class SurveyService {
  constructor(
    private readonly ds: DataSource,
    private readonly mutations: Mutations,
  ) {}

  /** The customer's answer, by the survey's token; once. */
  async answer(input: AnswerSurveyInput, actor: Actor): Promise<MutationResult<{ survey: SatisfactionSurvey }>> {
    const invalid = await validateInput(input);
    return this.mutations.run(
      actor,
      { action: 'ANSWER_SURVEY', targetType: 'SatisfactionSurvey', invalid },
      async (tx) => {
        const [s] = await tx.m.query(`SELECT id, answered_at FROM satisfaction_survey WHERE token = $1 FOR UPDATE`, [
          input.token.trim(),
        ]);
        if (!s) fail('NOT_FOUND', 'No survey has this token', ['input', 'token']);
        if (s.answered_at) fail('ALREADY_ANSWERED', 'This survey was already answered; thank you', ['input', 'token']);
        await tx.m.query(
          `UPDATE satisfaction_survey SET rating = $2, comment = $3, answered_at = now() WHERE id = $1`,
          [s.id, input.rating, input.comment?.trim() || null],
        );
        return { survey: await tx.m.getRepository(SatisfactionSurvey).findOneByOrFail({ id: s.id }) };
      },
    );
  }

  surveys(page: { first?: number }): Promise<SatisfactionSurvey[]> {
    return this.ds
      .getRepository(SatisfactionSurvey)
      .find({ order: { sentAt: 'DESC', id: 'DESC' }, take: pageSize(page.first) });
  }

  /**
   * Satisfaction over the last `days`: the share of 4 and 5 among complaint surveys and delivery
   * ratings together, against the target.
   */
  async satisfaction(days: number) {
    const [row]: { answers: number; satisfied: number; complaint: number; delivery: number }[] = await this.ds.query(
      `WITH a AS (
         SELECT rating, true AS survey FROM satisfaction_survey WHERE answered_at > now() - make_interval(days => $1)
         UNION ALL
         SELECT rating, false FROM delivery WHERE rating IS NOT NULL AND delivered_at > now() - make_interval(days => $1))
       SELECT count(*)::int AS answers, count(*) FILTER (WHERE rating >= 4)::int AS satisfied,
              count(*) FILTER (WHERE survey)::int AS complaint, count(*) FILTER (WHERE NOT survey)::int AS delivery
         FROM a`,
      [days],
    );
    return {
      days,
      answers: row.answers,
      satisfied: row.satisfied,
      rate: satisfactionRate(row.satisfied, row.answers),
      target: SATISFACTION_TARGET,
      complaintAnswers: row.complaint,
      deliveryRatings: row.delivery,
    };
  }

  /** Satisfaction per Shanghai calendar month, the last `months` months, empty months with null rates. */
  async satisfactionByMonth(months: number) {
    const rows: { month: string; answers: number; satisfied: number }[] = await this.ds.query(
      `WITH bounds AS (
         SELECT date_trunc('month', now() AT TIME ZONE 'Asia/Shanghai') - make_interval(months => $1 - 1) AS since),
       a AS (
         SELECT rating, answered_at AS at FROM satisfaction_survey
          WHERE answered_at >= (SELECT since FROM bounds) AT TIME ZONE 'Asia/Shanghai'
         UNION ALL
         SELECT rating, delivered_at FROM delivery
          WHERE rating IS NOT NULL AND delivered_at >= (SELECT since FROM bounds) AT TIME ZONE 'Asia/Shanghai'),
       m AS (
         SELECT date_trunc('month', at AT TIME ZONE 'Asia/Shanghai') AS month, count(*)::int AS answers,
                count(*) FILTER (WHERE rating >= 4)::int AS satisfied
           FROM a GROUP BY 1)
       SELECT to_char(s.month, 'YYYY-MM') AS month, coalesce(m.answers, 0) AS answers, coalesce(m.satisfied, 0) AS satisfied
         FROM bounds, generate_series(bounds.since, bounds.since + make_interval(months => $1 - 1), interval '1 month') AS s(month)
         LEFT JOIN m ON m.month = s.month
        ORDER BY s.month`,
      [months],
    );
    return rows.map((r) => ({ ...r, rate: satisfactionRate(r.satisfied, r.answers) }));
  }

  replyTemplates(category: string | undefined, language: 'ZH_CN' | 'EN' | undefined): Promise<ReplyTemplate[]> {
    const qb = this.ds.getRepository(ReplyTemplate).createQueryBuilder('t').orderBy('t.category').addOrderBy('t.title');
    if (category) qb.andWhere('(t.category = :category OR t.category IS NULL)', { category });
    if (language) qb.andWhere('t.locale = :locale', { locale: LOCALE_OF[language] });
    return qb.limit(500).getMany();
  }

  async saveReplyTemplate(
    input: ReplyTemplateInput | UpdateReplyTemplateInput,
    actor: Actor,
  ): Promise<MutationResult<{ replyTemplate: ReplyTemplate }>> {
    const invalid = await validateInput(input);
    const updating = 'replyTemplateId' in input && !!input.replyTemplateId;
    const action = updating ? 'UPDATE_REPLY_TEMPLATE' : 'CREATE_REPLY_TEMPLATE';
    return this.mutations.run(actor, { action, targetType: 'ReplyTemplate', invalid }, async (tx) => {
      const title = input.title.trim();
      const body = input.body.trim();
      if (!title || !body)
        fail('INVALID_INPUT', 'A reply needs a title and a text', ['input', title ? 'body' : 'title']);
      let id: string;
      if (updating) {
        const local = localId((input as UpdateReplyTemplateInput).replyTemplateId, 'ReplyTemplate');
        const [row] = local
          ? await tx.m.query(
              `WITH u AS (UPDATE reply_template SET category = $2, locale = $3, title = $4, body = $5, updated_by = $6,
                                 updated_at = now() WHERE id = $1 RETURNING id)
               SELECT id FROM u`,
              [local, input.category ?? null, LOCALE_OF[input.language], title, body, actorLabel(tx.actor)],
            )
          : [];
        if (!row) fail('NOT_FOUND', 'No reply template with this id', ['input', 'replyTemplateId']);
        id = row.id;
      } else {
        const [row] = await tx.m.query(
          `INSERT INTO reply_template (category, locale, title, body, updated_by) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
          [input.category ?? null, LOCALE_OF[input.language], title, body, actorLabel(tx.actor)],
        );
        id = row.id;
      }
      await audit(tx.m, tx.actor, {
        action,
        targetType: 'ReplyTemplate',
        targetId: id,
        outcome: 'SUCCESS',
        details: { title },
      });
      return { replyTemplate: await tx.m.getRepository(ReplyTemplate).findOneByOrFail({ id }) };
    });
  }

  async deleteReplyTemplate(replyTemplateId: string, actor: Actor): Promise<MutationResult<{ deletedId: string }>> {
    return this.mutations.run(actor, { action: 'DELETE_REPLY_TEMPLATE', targetType: 'ReplyTemplate' }, async (tx) => {
      const local = localId(replyTemplateId, 'ReplyTemplate');
      const rows = local
        ? await tx.m.query(`WITH d AS (DELETE FROM reply_template WHERE id = $1 RETURNING id) SELECT id FROM d`, [
            local,
          ])
        : [];
      if (!rows.length) fail('NOT_FOUND', 'No reply template with this id', ['input', 'replyTemplateId']);
      await audit(tx.m, tx.actor, {
        action: 'DELETE_REPLY_TEMPLATE',
        targetType: 'ReplyTemplate',
        targetId: local,
        outcome: 'SUCCESS',
        details: {},
      });
      return { deletedId: replyTemplateId };
    });
  }
}
