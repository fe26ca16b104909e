import { graphql } from '../../../gql';

export const sessionUserFragment = graphql(`
  fragment SessionUser on User {
    id
    email
    name
    role
    permissions
    locale
  }
`);

export const loginMutation = graphql(`
  mutation Login($input: LoginInput!) {
    login(input: $input) {
      token
      expiresAt
      user {
        ...SessionUser
      }
      userErrors {
        code
        field
        message
      }
    }
  }
`);

export const meQuery = graphql(`
  query Me {
    me {
      ...SessionUser
    }
  }
`);

export const renewTokenMutation = graphql(`
  mutation RenewToken {
    renewToken {
      token
      expiresAt
    }
  }
`);

export const logoutMutation = graphql(`
  mutation Logout {
    logout {
      loggedOut
    }
  }
`);

export const updateMyPreferencesMutation = graphql(`
  mutation UpdateMyPreferences($input: UpdateMyPreferencesInput!) {
    updateMyPreferences(input: $input) {
      user {
        id
        locale
      }
      userErrors {
        code
        message
      }
    }
  }
`);
