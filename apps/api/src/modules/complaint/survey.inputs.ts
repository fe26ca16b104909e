import { IsOptional, Max, MaxLength, Min } from 'class-validator';
import { Field, ID, InputType, Int } from 'type-graphql';
import type { ComplaintCategory as ComplaintCategoryT } from '@fulfilment/domain';
import { code } from '../../common/validation';
import { LanguageEnum, type NotificationLanguage } from '../notification/notification.enums';
import { ComplaintCategory } from './complaint.enums';

@InputType({ description: 'A customer’s answer to a satisfaction survey.' })
export class AnswerSurveyInput {
  @Field({ description: 'The token of the survey link.' })
  @MaxLength(64, code('INVALID_INPUT', 'token is not a survey token'))
  token: string;

  @Field(() => Int, { description: '1 (very unhappy) to 5 (very happy).' })
  @Min(1, code('INVALID_INPUT', 'rating must be 1 to 5'))
  @Max(5, code('INVALID_INPUT', 'rating must be 1 to 5'))
  rating: number;

  @Field({ nullable: true, description: 'A comment, at most 1,000 characters.' })
  @IsOptional()
  @MaxLength(1000, code('TOO_LONG', 'comment must be at most 1000 characters'))
  comment?: string;
}

@InputType({ description: 'A reply template.' })
export class ReplyTemplateInput {
  @Field(() => ComplaintCategory, { nullable: true, description: 'The category it answers; null for any.' })
  category?: ComplaintCategoryT;

  @Field(() => LanguageEnum, { description: 'Its language.' })
  language: NotificationLanguage;

  @Field({ description: 'A short title, at most 100 characters.' })
  @MaxLength(100, code('TOO_LONG', 'title must be at most 100 characters'))
  title: string;

  @Field({ description: 'The text, at most 2,000 characters.' })
  @MaxLength(2000, code('TOO_LONG', 'body must be at most 2000 characters'))
  body: string;
}

@InputType({ description: 'A reply template’s new content.' })
export class UpdateReplyTemplateInput extends ReplyTemplateInput {
  @Field(() => ID, { description: 'Global id of the template.' })
  replyTemplateId: string;
}

@InputType({ description: 'Names one reply template.' })
export class ReplyTemplateIdInput {
  @Field(() => ID, { description: 'Global id of the template.' })
  replyTemplateId: string;
}
