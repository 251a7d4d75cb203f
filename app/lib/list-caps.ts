// How long each list a user can grow may become. The services check these, so the forms,
// the API, the importer and the CLI all meet the same cap with the same message
// (`limits.tooMany`); README "Security" lists them.
export const listCaps = {
  resumesPerStudent: 5,
  skillsPerProfile: 50,
  languagesPerProfile: 10,
  citiesPerProfile: 10,
  claimedCoursesPerStudent: 100,
  evidencePerStudent: 100,
  externalCredentialsPerStudent: 100,
  skillsPerRole: 30,
  savedSearchesPerUser: 20,
  savedRolesPerStudent: 200,
  notesPerApplication: 200,
  messagesPerApplication: 1000,
  apiTokensPerUser: 20,
  openInvitationsPerInviter: 200,
  membersPerTeam: 20,
  tracksPerEvent: 50,
  skillsPerEvent: 30,
  criteriaPerRubric: 20,
  credentialsPerApplication: 20,
} as const
