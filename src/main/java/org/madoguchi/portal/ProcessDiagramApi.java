package org.madoguchi.portal;

import java.io.IOException;
import java.io.InputStream;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The process diagram the case page draws with bpmn-js: the classpath copy of
 * {@code bpmn/research-support.bpmn}, the same file the engine deploys (so a layout changed in Modeler
 * shows without code changes). Signed-in applicants only; it holds no case data.
 */
@RestController
class ProcessDiagramApi {

  @GetMapping(value = "/portal/api/models/research-support.bpmn", produces = MediaType.APPLICATION_XML_VALUE)
  ResponseEntity<byte[]> researchSupport() throws IOException {
    try (InputStream in = new ClassPathResource(CaseProcessMap.PROCESS_MODEL).getInputStream()) {
      return ResponseEntity.ok()
          .cacheControl(CacheControl.noCache())
          .contentType(MediaType.APPLICATION_XML)
          .body(in.readAllBytes());
    }
  }
}
