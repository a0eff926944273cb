package org.madoguchi.documents;

import jakarta.servlet.MultipartConfigElement;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.unit.DataSize;

/**
 * The servlet container's multipart limits, derived from {@code madoguchi.documents.max-size} so that one
 * property sets both (and replacing Boot's {@code spring.servlet.multipart.*}). An upload over the limit is
 * refused while it is read, before anything is stored, with the same message as the module's own check
 * ({@code documents.web.UploadTooLarge}). Each request carries one document and a few small fields.
 */
@Configuration(proxyBeanMethods = false)
class UploadLimits {

  /** Room for the form fields and part headers beside the document. */
  private static final DataSize FIELDS = DataSize.ofKilobytes(64);

  /** Smaller parts stay in memory; larger ones go to the container's temporary folder while the request lasts. */
  private static final DataSize IN_MEMORY = DataSize.ofKilobytes(256);

  @Bean
  MultipartConfigElement multipartConfigElement(DocumentProperties properties) {
    long max = properties.maxSize().toBytes();
    return new MultipartConfigElement("", max, max + FIELDS.toBytes(), (int) IN_MEMORY.toBytes());
  }
}
