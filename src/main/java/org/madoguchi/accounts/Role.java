package org.madoguchi.accounts;

import org.springframework.modulith.NamedInterface;

/**
 * What kind of person an account belongs to. Applicants use the portal and the applicant API; staff
 * work in Tasklist and the staff pages, with what they may do given by their {@link StaffGroup}s.
 */
@NamedInterface("api")
public enum Role {
  APPLICANT,
  STAFF
}
