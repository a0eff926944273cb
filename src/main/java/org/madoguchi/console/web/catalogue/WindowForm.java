package org.madoguchi.console.web.catalogue;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDateTime;
import org.madoguchi.common.web.StoredIn;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * A maintenance or downtime window, its times in facility time as a date-time field sends them. A bean,
 * so that a time that does not parse is refused at its field (see {@link InstrumentForm}).
 */
class WindowForm {

  @NotNull(message = "{catalogue.required}") @Pattern(regexp = "planned|unplanned", message = "{catalogue.window.kind.invalid}")
  @Size(max = 20, message = "{catalogue.too-long}") @StoredIn("maintenance_windows.kind")
  private String kind = "planned";

  @NotNull(message = "{catalogue.required}") @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
  private LocalDateTime startsAt;

  @NotNull(message = "{catalogue.required}") @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
  private LocalDateTime endsAt;

  @NotBlank(message = "{catalogue.window.reason.required}") @Size(max = 500, message = "{catalogue.too-long}")
  @StoredIn("maintenance_windows.reason")
  private String reason = "";

  public String getKind() {
    return kind;
  }

  public void setKind(String kind) {
    this.kind = kind;
  }

  public LocalDateTime getStartsAt() {
    return startsAt;
  }

  public void setStartsAt(LocalDateTime startsAt) {
    this.startsAt = startsAt;
  }

  public LocalDateTime getEndsAt() {
    return endsAt;
  }

  public void setEndsAt(LocalDateTime endsAt) {
    this.endsAt = endsAt;
  }

  public String getReason() {
    return reason;
  }

  public void setReason(String reason) {
    this.reason = reason;
  }
}
