/**
 * The applicant portal: Madoguchi's own web pages for an applicant's requests (my requests, a case page
 * with what to do now, a new request and the applicant actions, rendered from the form files in
 * {@code forms/}). Server-rendered with Thymeleaf; it calls the same services as the applicant API.
 * Exposes nothing: no other module depends on it.
 */
@ApplicationModule(
    allowedDependencies = {
      "accounts :: api", "booking :: api", "cases :: api", "common", "consultation :: api", "deposit :: api",
      "documents :: api", "fees :: api", "notify :: api", "outcomes :: api", "units :: api"
    })
package org.madoguchi.portal;

import org.springframework.modulith.ApplicationModule;
