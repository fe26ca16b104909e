import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Customer service's reply templates (a small knowledge base per complaint category and language) and
 * satisfaction surveys (after a complaint is resolved: a public token, one answer of 1–5 with a comment).
 */
export class RepliesAndSurveys1764810000000 implements MigrationInterface {
  name = 'RepliesAndSurveys1764810000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE reply_template (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        category text CHECK (category IN ('QUALITY', 'LATE', 'DAMAGED', 'WRONG_ITEM', 'MISSING_ITEM', 'COURIER_SERVICE', 'OTHER')),
        locale text NOT NULL CHECK (locale IN ('zh-CN', 'en')),
        title text NOT NULL CHECK (length(title) BETWEEN 1 AND 100),
        body text NOT NULL CHECK (length(body) BETWEEN 1 AND 2000),
        updated_by text NOT NULL,
        updated_at timestamptz(3) NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX reply_template_by_category ON reply_template (category, locale, title)`);

    await q.query(`
      CREATE TABLE satisfaction_survey (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        token text NOT NULL UNIQUE,
        subject text NOT NULL CHECK (subject IN ('COMPLAINT', 'ORDER')),
        complaint_id uuid UNIQUE REFERENCES complaint (id),
        order_id uuid REFERENCES orders (id),
        customer_id uuid NOT NULL REFERENCES customer (id),
        rating smallint CHECK (rating BETWEEN 1 AND 5),
        comment text CHECK (length(comment) <= 1000),
        sent_at timestamptz(3) NOT NULL DEFAULT now(),
        answered_at timestamptz(3),
        CHECK ((rating IS NULL) = (answered_at IS NULL))
      )`);
    await q.query(`CREATE INDEX satisfaction_survey_by_sent ON satisfaction_survey (sent_at DESC, id DESC)`);
    await q.query(
      `CREATE INDEX satisfaction_survey_answered ON satisfaction_survey (answered_at) WHERE answered_at IS NOT NULL`,
    );
    await q.query(`CREATE INDEX satisfaction_survey_by_order ON satisfaction_survey (order_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE satisfaction_survey, reply_template`);
  }
}
