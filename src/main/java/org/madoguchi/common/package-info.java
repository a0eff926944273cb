/** Shared kernel every feature may use: problem details, locale handling, the clock. */
@ApplicationModule(type = ApplicationModule.Type.OPEN)
package org.madoguchi.common;

import org.springframework.modulith.ApplicationModule;
