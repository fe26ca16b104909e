import { Arg, Args, Ctx, Int, Mutation, Query, Resolver } from 'type-graphql';
import type { ComplaintCategory as ComplaintCategoryT } from '@fulfilment/domain';
import { Context } from '../../app/context';
import { PageArgs } from '../../common/page-args';
import { Requires } from '../access/requires';
import { LanguageEnum, type NotificationLanguage } from '../notification/notification.enums';
import { ComplaintCategory } from './complaint.enums';
import {
  DeleteReplyTemplatePayload,
  ReplyTemplatePayload,
  Satisfaction,
  SatisfactionMonth,
  SurveyPayload,
} from './complaint.types';
import { AnswerSurveyInput, ReplyTemplateIdInput, ReplyTemplateInput, UpdateReplyTemplateInput } from './survey.inputs';
import { ReplyTemplate, SatisfactionSurvey } from './survey.entity';

@Resolver(() => SatisfactionSurvey)
export class SurveyResolver {
  // Public: customers answer through the survey link's token, without an account.
  @Mutation(() => SurveyPayload, {
    description:
      'The customer’s answer to a satisfaction survey, by the token of its link (public; once: ALREADY_ANSWERED).',
  })
  async answerSurvey(@Arg('input', { description: 'The answer.' }) input: AnswerSurveyInput, @Ctx() ctx: Context) {
    const result = await ctx.services.surveys.answer(input, ctx.actor);
    // The caller may be anonymous: it learns only that the answer was taken.
    return Object.assign(new SurveyPayload(), { userErrors: result.userErrors, survey: null });
  }

  @Requires('COMPLAINT_READ')
  @Query(() => [SatisfactionSurvey], { description: 'Satisfaction surveys, newest first.' })
  surveys(@Args() page: PageArgs, @Ctx() ctx: Context) {
    return ctx.services.surveys.surveys(page);
  }

  @Requires('COMPLAINT_READ')
  @Query(() => Satisfaction, {
    description:
      'Customer satisfaction (share of 4 and 5 among complaint surveys and delivery ratings) against the 90 % target.',
  })
  async satisfaction(
    @Arg('days', () => Int, { defaultValue: 30, description: 'Days back from now, 1–366.' }) days: number,
    @Ctx() ctx: Context,
  ) {
    return Object.assign(new Satisfaction(), await ctx.reads.surveys.satisfaction(Math.min(Math.max(days, 1), 366)));
  }

  @Requires('COMPLAINT_READ')
  @Query(() => [SatisfactionMonth], {
    description: 'Satisfaction month by month, oldest first, the current month last (months without answers included).',
  })
  satisfactionByMonth(
    @Arg('months', () => Int, { defaultValue: 12, description: 'Months back, the current one included, 1–36.' })
    months: number,
    @Ctx() ctx: Context,
  ) {
    return ctx.reads.surveys.satisfactionByMonth(Math.min(Math.max(months, 1), 36));
  }

  @Requires('COMPLAINT_READ')
  @Query(() => [ReplyTemplate], { description: 'Reply templates, of a category (and the general ones) and language.' })
  replyTemplates(
    @Arg('category', () => ComplaintCategory, { nullable: true, description: 'A complaint category.' })
    category: ComplaintCategoryT | undefined,
    @Arg('language', () => LanguageEnum, { nullable: true, description: 'A language.' })
    language: NotificationLanguage | undefined,
    @Ctx() ctx: Context,
  ) {
    return ctx.services.surveys.replyTemplates(category, language);
  }

  @Requires('COMPLAINT_HANDLE')
  @Mutation(() => ReplyTemplatePayload, { description: 'Adds a reply template.' })
  async createReplyTemplate(
    @Arg('input', { description: 'The template.' }) input: ReplyTemplateInput,
    @Ctx() ctx: Context,
  ) {
    return Object.assign(new ReplyTemplatePayload(), await ctx.services.surveys.saveReplyTemplate(input, ctx.actor));
  }

  @Requires('COMPLAINT_HANDLE')
  @Mutation(() => ReplyTemplatePayload, { description: 'Changes a reply template.' })
  async updateReplyTemplate(
    @Arg('input', { description: 'The new content.' }) input: UpdateReplyTemplateInput,
    @Ctx() ctx: Context,
  ) {
    return Object.assign(new ReplyTemplatePayload(), await ctx.services.surveys.saveReplyTemplate(input, ctx.actor));
  }

  @Requires('COMPLAINT_HANDLE')
  @Mutation(() => DeleteReplyTemplatePayload, { description: 'Deletes a reply template.' })
  async deleteReplyTemplate(
    @Arg('input', { description: 'The template.' }) input: ReplyTemplateIdInput,
    @Ctx() ctx: Context,
  ) {
    return Object.assign(
      new DeleteReplyTemplatePayload(),
      { deletedId: null },
      await ctx.services.surveys.deleteReplyTemplate(input.replyTemplateId, ctx.actor),
    );
  }
}
