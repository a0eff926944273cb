package org.madoguchi.documents;

import java.util.Arrays;
import java.util.Optional;
import org.springframework.modulith.NamedInterface;

/** What a document was attached to, kept in {@code documents.attached_to} by its code. */
@NamedInterface("api")
public enum AttachedTo {
  /** The applicant's request: at submission or later, from the case page. */
  REQUEST("request"),
  /** The applicant's answer to a question of the desk. */
  INFORMATION_REPLY("information-reply"),
  /** The case file, by staff. */
  CASE("case");

  private final String code;

  AttachedTo(String code) {
    this.code = code;
  }

  public String code() {
    return code;
  }

  public static Optional<AttachedTo> ofCode(String code) {
    return Arrays.stream(values()).filter(a -> a.code.equals(code)).findFirst();
  }
}
