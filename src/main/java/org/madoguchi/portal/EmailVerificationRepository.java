package org.madoguchi.portal;

interface EmailVerificationRepository extends OneTimeLinkRepository<EmailVerification> {

  long countByAccountId(long accountId);
}
