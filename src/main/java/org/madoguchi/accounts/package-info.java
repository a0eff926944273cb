/**
 * Accounts: who people are. Sign-in for the API (personal API tokens) and the pages (form, session, OIDC),
 * sign-up with e-mail verification, password reset, the page language, and staff groups.
 */
@ApplicationModule(allowedDependencies = {"common", "notify :: api"})
package org.madoguchi.accounts;

import org.springframework.modulith.ApplicationModule;
