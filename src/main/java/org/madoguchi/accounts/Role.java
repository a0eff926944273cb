package org.madoguchi.accounts;

/** What an account may do in Madoguchi's own API and pages (staff work happens in Tasklist). */
public enum Role {
  APPLICANT,
  ADMIN
}
