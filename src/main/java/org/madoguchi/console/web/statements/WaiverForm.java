package org.madoguchi.console.web.statements;

import jakarta.validation.constraints.Size;
import org.madoguchi.common.web.StoredIn;
import org.madoguchi.fees.StatementRevisions;

/** A waiver as the page posts it: of one line, or of the whole case when {@code lineNo} is 0 or empty. */
public class WaiverForm {

  private Integer basedOnVersion;
  private Integer lineNo;

  @Size(max = StatementRevisions.REASON_MAX, message = "{console.statement.reason.too-long}")
  @StoredIn("fee_lines.change_reason")
  private String reason;

  StatementRevisions.Waiver waiver() {
    return new StatementRevisions.Waiver(basedOnVersion, lineNo == null || lineNo == 0 ? null : lineNo, reason);
  }

  public Integer getBasedOnVersion() {
    return basedOnVersion;
  }

  public void setBasedOnVersion(Integer basedOnVersion) {
    this.basedOnVersion = basedOnVersion;
  }

  public Integer getLineNo() {
    return lineNo;
  }

  public void setLineNo(Integer lineNo) {
    this.lineNo = lineNo;
  }

  public String getReason() {
    return reason;
  }

  public void setReason(String reason) {
    this.reason = reason;
  }
}
