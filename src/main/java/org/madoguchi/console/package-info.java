/**
 * The staff console: the case list and the whole case file on one page, composed from what each
 * feature publishes for staff, limited to the cases the viewer may see ({@link
 * org.madoguchi.console.CaseVisibility}). Actions stay in Tasklist, except a coordinator's note and
 * attaching a document.
 */
@ApplicationModule(
    allowedDependencies = {
      "accounts :: api", "booking :: api", "cases :: api", "common", "consultation :: api", "deposit :: api", "documents :: api",
      "fees :: api", "notify :: api", "outcomes :: api", "tasks :: api", "units :: api"
    })
package org.madoguchi.console;

import org.springframework.modulith.ApplicationModule;
