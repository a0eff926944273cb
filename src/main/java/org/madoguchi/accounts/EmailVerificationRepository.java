package org.madoguchi.accounts;

interface EmailVerificationRepository extends OneTimeLinkRepository<EmailVerification> {

  long countByAccountId(long accountId);
}
