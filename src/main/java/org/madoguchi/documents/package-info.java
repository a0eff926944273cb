/**
 * Documents attached to a case (research plan, sample sheet, NDA): applicants attach them to their
 * request and to an information reply, staff to the case. The type is taken from the content, the
 * size and count are limited, the content is stored with its SHA-256 behind {@link
 * org.madoguchi.documents.DocumentStore} and always served as a download. Applicant endpoints in
 * {@code documents.web}; the staff console calls {@link org.madoguchi.documents.Documents} after its own
 * visibility check.
 */
@ApplicationModule(allowedDependencies = {"accounts :: api", "cases :: api", "common"})
package org.madoguchi.documents;

import org.springframework.modulith.ApplicationModule;
