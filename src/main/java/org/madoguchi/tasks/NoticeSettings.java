package org.madoguchi.tasks;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Each staff person's choice of mail notices (the daily digest can be switched off). */
@Service
public class NoticeSettings {

  private final NoticeSettingRepository settings;

  NoticeSettings(NoticeSettingRepository settings) {
    this.settings = settings;
  }

  @Transactional(readOnly = true)
  public boolean digestEnabled(long accountId) {
    return settings.findById(accountId).map(NoticeSetting::digestEnabled).orElse(true);
  }

  @Transactional
  public void setDigestEnabled(long accountId, boolean enabled) {
    settings.findById(accountId).orElseGet(() -> settings.save(new NoticeSetting(accountId))).setDigestEnabled(enabled);
  }
}
