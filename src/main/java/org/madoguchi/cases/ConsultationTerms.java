package org.madoguchi.cases;

import java.time.Duration;
import org.madoguchi.MadoguchiProperties;

/** How soon the desk must answer and how high its tasks rank: fast-track cases sooner and higher. */
record ConsultationTerms(int taskPriority, Duration sla) {

  static final int PRIORITY_NORMAL = 50;
  static final int PRIORITY_FAST_TRACK = 90;

  static ConsultationTerms of(boolean fastTrack, MadoguchiProperties properties) {
    return fastTrack
        ? new ConsultationTerms(PRIORITY_FAST_TRACK, properties.sla().consultationFastTrack())
        : new ConsultationTerms(PRIORITY_NORMAL, properties.sla().consultation());
  }
}
