package org.madoguchi.documents.web;

import org.madoguchi.documents.Documents;
import org.springframework.stereotype.Controller;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** The largest document, for the pages that offer an upload (their hint and the script's check before sending). */
@ControllerAdvice(annotations = Controller.class)
class DocumentLimitsModel {

  private final Documents documents;

  DocumentLimitsModel(Documents documents) {
    this.documents = documents;
  }

  @ModelAttribute("documentMaxSize")
  DataSize documentMaxSize() {
    return documents.maxSize();
  }
}
