import { graphql } from '../../../gql';

export const notificationTemplateFragment = graphql(`
  fragment NotificationTemplateFields on NotificationTemplate {
    event
    language
    subject
    body
    placeholders
    updatedAt
    updatedBy
  }
`);

/** Every event's template in both languages, with the placeholders each event has. */
export const notificationTemplatesQuery = graphql(`
  query NotificationTemplates {
    notificationTemplates {
      ...NotificationTemplateFields
    }
    notificationEvents {
      event
      placeholders
    }
  }
`);

export const notificationPreviewQuery = graphql(`
  query NotificationPreview($event: NotificationEvent!, $subject: String!, $body: String!, $language: Language!) {
    notificationPreview(event: $event, subject: $subject, body: $body, language: $language) {
      subject
      body
      problems
    }
  }
`);

export const updateNotificationTemplateMutation = graphql(`
  mutation UpdateNotificationTemplate($input: UpdateNotificationTemplateInput!) {
    updateNotificationTemplate(input: $input) {
      template {
        ...NotificationTemplateFields
      }
      userErrors {
        code
        field
        message
      }
    }
  }
`);

export const resetNotificationTemplateMutation = graphql(`
  mutation ResetNotificationTemplate($input: ResetNotificationTemplateInput!) {
    resetNotificationTemplate(input: $input) {
      template {
        ...NotificationTemplateFields
      }
      userErrors {
        code
        field
        message
      }
    }
  }
`);
