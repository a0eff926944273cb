/**
 * Mail: templates in Japanese and English, the mail outbox and its relay.
 */
@ApplicationModule(allowedDependencies = {"common"})
package org.madoguchi.notify;

import org.springframework.modulith.ApplicationModule;
