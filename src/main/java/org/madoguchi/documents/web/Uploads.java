package org.madoguchi.documents.web;

import org.madoguchi.common.web.InvalidRequestException;
import org.madoguchi.documents.AttachedTo;
import org.springframework.web.multipart.MultipartFile;

/** How an upload request names its parts, shared by the page form, the portal's scripts and the API. */
final class Uploads {

  /** The part holding the document. */
  static final String FILE = "file";

  private Uploads() {}

  /** The chosen file; null when none was (a browser sends an empty part without a name then). */
  static MultipartFile chosen(MultipartFile file) {
    return file == null || (file.isEmpty() && (file.getOriginalFilename() == null || file.getOriginalFilename().isBlank()))
        ? null
        : file;
  }

  /** {@code request} or {@code information-reply}; applicants never attach to the staff's case file. */
  static AttachedTo attachedTo(String code) {
    return AttachedTo.ofCode(code)
        .filter(a -> a != AttachedTo.CASE)
        .orElseThrow(() -> InvalidRequestException.of("attachedTo", "documents.attached-to-invalid"));
  }
}
