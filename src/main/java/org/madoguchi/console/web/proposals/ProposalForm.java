package org.madoguchi.console.web.proposals;

import jakarta.validation.constraints.Size;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.madoguchi.booking.SlotProposals;
import org.madoguchi.common.web.StoredIn;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * The slots a coordinator proposes, as the page posts them: up to three rows of instrument, start and
 * end in facility time (the calendar fills the rows; without JavaScript people fill them). Empty rows
 * are left out.
 */
public class ProposalForm {

  /** One row of the form. */
  public static class Row {
    private Long instrumentId;

    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
    private LocalDateTime start;

    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
    private LocalDateTime end;

    public Long getInstrumentId() {
      return instrumentId;
    }

    public void setInstrumentId(Long instrumentId) {
      this.instrumentId = instrumentId;
    }

    public LocalDateTime getStart() {
      return start;
    }

    public void setStart(LocalDateTime start) {
      this.start = start;
    }

    public LocalDateTime getEnd() {
      return end;
    }

    public void setEnd(LocalDateTime end) {
      this.end = end;
    }

    boolean blank() {
      return start == null && end == null;
    }
  }

  @Size(max = 40, message = "{proposals.unit.unknown}") @StoredIn("support_units.code")
  private String unit;

  @Size(max = SlotProposals.MAX_SLOTS, message = "{proposals.slots.too-many}")
  private List<Row> slots = new ArrayList<>();

  public String getUnit() {
    return unit;
  }

  public void setUnit(String unit) {
    this.unit = unit;
  }

  public List<Row> getSlots() {
    return slots;
  }

  public void setSlots(List<Row> slots) {
    this.slots = slots;
  }

  /** The rows, padded with empty ones up to {@code rows} for the page to show. */
  void padTo(int rows) {
    while (slots.size() < rows) {
      slots.add(new Row());
    }
  }
}
