package org.madoguchi.documents;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Set;
import org.apache.tika.config.TikaConfig;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.mime.MediaType;
import org.apache.tika.mime.MimeTypeException;
import org.madoguchi.common.web.InvalidRequestException;
import org.springframework.stereotype.Component;

/**
 * What a document is, from its content, by Apache Tika's detectors (magic bytes, and the entries of ZIP
 * containers for OpenDocument). Only PDF, PNG, JPEG, TIFF and office files are accepted; HTML, scripts,
 * executables, archives and macro-enabled office files are not, whatever their name says.
 *
 * <p>Office Open XML is the one family whose kind (docx, xlsx, pptx) Tika tells only with Apache POI, which
 * this application does not carry: the content must be an OOXML package, and within that family the name's
 * extension picks the kind (a {@code .docm} name is a macro-enabled type and refused).
 */
@Component
class DocumentTypes {

  private static final MediaType OOXML = MediaType.application("x-tika-ooxml");

  static final Set<MediaType> ACCEPTED =
      Set.of(
          MediaType.application("pdf"),
          MediaType.image("png"),
          MediaType.image("jpeg"),
          MediaType.image("tiff"),
          MediaType.application("vnd.openxmlformats-officedocument.wordprocessingml.document"),
          MediaType.application("vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
          MediaType.application("vnd.openxmlformats-officedocument.presentationml.presentation"),
          MediaType.application("vnd.oasis.opendocument.text"),
          MediaType.application("vnd.oasis.opendocument.spreadsheet"));

  /** A detected type and the extensions its files have (the first is the usual one, with its dot). */
  record Detected(String contentType, List<String> extensions) {}

  private final TikaConfig tika = TikaConfig.getDefaultConfig();

  /** The type of {@code content}; a refusal naming the field {@code file} when it is not one to accept. */
  Detected detect(InputStream content, String fileName) {
    try (TikaInputStream in = TikaInputStream.get(content)) {
      if (in.peek(new byte[1]) <= 0) {
        throw InvalidRequestException.of("file", "documents.empty");
      }
      MediaType type = tika.getDetector().detect(in, new Metadata());
      if (OOXML.equals(type)) {
        Metadata named = new Metadata();
        named.set(TikaCoreProperties.RESOURCE_NAME_KEY, fileName);
        type = tika.getDetector().detect(in, named);
      }
      if (!ACCEPTED.contains(type)) {
        throw InvalidRequestException.of("file", "documents.type-refused");
      }
      return new Detected(type.toString(), tika.getMimeRepository().forName(type.toString()).getExtensions());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (MimeTypeException e) {
      throw new IllegalStateException("Tika knows no extensions of an accepted type", e);
    }
  }
}
