package org.madoguchi.common.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * What a request body may be. A content type that names no concrete type ({@code *}{@code /*},
 * {@code text/*}) is refused with 415 (Spring MVC cannot represent it, and would fail with a 500); so are
 * parameters Tomcat could not decode ({@link #unreadableParameters}). A body above its limit is refused
 * with 413 before anything reads it: by its Content-Length, or, when that
 * is missing (chunked), once the bytes read pass the limit ({@link RequestBodyTooLarge}, which
 * {@link ApiExceptionHandler} answers with 413). The 413 goes through the error dispatch: problem details
 * for API clients, the error page for browsers. Form posts are also cut off by Tomcat at the same limit;
 * multipart uploads keep their own limits. A JSON body must be well-formed UTF-8 ({@link WellFormedUtf8}):
 * one that is not fails while it is read, which Spring MVC answers with 400.
 */
class RequestBodyLimits extends OncePerRequestFilter {

  /** Set by Tomcat when it skipped parameters, with the reason (org.apache.catalina.Globals). */
  private static final String PARAMETERS_FAILED = "org.apache.catalina.parameter_parse_failed";
  private static final String PARAMETERS_FAILED_REASON = "org.apache.catalina.parameter_parse_failed_reason";

  private final RequestLimitsProperties limits;

  RequestBodyLimits(RequestLimitsProperties limits) {
    this.limits = limits;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String type = request.getContentType();
    if (type != null && type.toLowerCase().startsWith("multipart/")) {
      chain.doFilter(request, response);
      return;
    }
    if (type != null && !isConcrete(type)) {
      response.sendError(HttpStatus.UNSUPPORTED_MEDIA_TYPE.value());
      return;
    }
    boolean form = type != null && type.toLowerCase().startsWith(MediaType.APPLICATION_FORM_URLENCODED_VALUE);
    long limit = (form ? limits.formBody() : limits.jsonBody()).toBytes();
    if (request.getContentLengthLong() > limit) {
      response.sendError(HttpStatus.PAYLOAD_TOO_LARGE.value());
      return;
    }
    HttpStatus unreadable = unreadableParameters(request);
    if (unreadable != null) {
      response.sendError(unreadable.value());
      return;
    }
    chain.doFilter(new Bounded(request, limit, type != null && isUtf8Json(type)), response);
  }

  /**
   * Tomcat skips query or form parameters it cannot decode (bad percent-encoding, not UTF-8, a form past
   * its size) and goes on as if they had not been sent, so a damaged form could pass for one without the
   * damaged fields. Such a request is refused instead: 413 for a form too large, 400 otherwise.
   */
  private static HttpStatus unreadableParameters(HttpServletRequest request) {
    request.getParameterMap();
    if (request.getAttribute(PARAMETERS_FAILED) == null) {
      return null;
    }
    Object reason = request.getAttribute(PARAMETERS_FAILED_REASON);
    return reason != null && reason.toString().equals("POST_TOO_LARGE") ? HttpStatus.PAYLOAD_TOO_LARGE : HttpStatus.BAD_REQUEST;
  }

  /** A parsable content type with a wildcard is not concrete; an unparsable one is left to Spring MVC's own 415. */
  private static boolean isConcrete(String contentType) {
    try {
      MediaType type = MediaType.parseMediaType(contentType);
      return !type.isWildcardType() && !type.isWildcardSubtype();
    } catch (InvalidMediaTypeException unparsable) {
      return true;
    }
  }

  /** JSON (RFC 8259: UTF-8) that is not declared in another charset; anything unparsable is left to Spring MVC. */
  private static boolean isUtf8Json(String contentType) {
    try {
      MediaType type = MediaType.parseMediaType(contentType);
      boolean json = type.getType().equals("application") && (type.getSubtype().equals("json") || "json".equals(type.getSubtypeSuffix()));
      return json && (type.getCharset() == null || type.getCharset().equals(StandardCharsets.UTF_8));
    } catch (IllegalArgumentException unparsable) {
      // An invalid media type (InvalidMediaTypeException) or an unknown charset.
      return false;
    }
  }

  /**
   * The request whose body stream fails once more than {@code limit} bytes have been read from it, or,
   * when {@code utf8}, at the first byte that is not well-formed UTF-8.
   */
  private static final class Bounded extends HttpServletRequestWrapper {

    private final long limit;
    private final boolean utf8;
    private ServletInputStream bounded;

    Bounded(HttpServletRequest request, long limit, boolean utf8) {
      super(request);
      this.limit = limit;
      this.utf8 = utf8;
    }

    @Override
    public ServletInputStream getInputStream() throws IOException {
      if (bounded == null) {
        bounded = new CountingStream(super.getInputStream(), limit, utf8 ? new WellFormedUtf8() : null);
      }
      return bounded;
    }
  }

  private static final class CountingStream extends ServletInputStream {

    private final ServletInputStream in;
    private final long limit;
    /** Null for a body of any bytes. */
    private final WellFormedUtf8 utf8;
    private long read;

    CountingStream(ServletInputStream in, long limit, WellFormedUtf8 utf8) {
      this.in = in;
      this.limit = limit;
      this.utf8 = utf8;
    }

    @Override
    public int read() throws IOException {
      int b = in.read();
      if (b >= 0) {
        count(1);
        if (utf8 != null) {
          utf8.check(b);
        }
      } else if (utf8 != null) {
        utf8.end();
      }
      return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      int n = in.read(buffer, offset, length);
      if (n > 0) {
        count(n);
        if (utf8 != null) {
          utf8.check(buffer, offset, n);
        }
      } else if (n < 0 && utf8 != null) {
        utf8.end();
      }
      return n;
    }

    private void count(int n) throws RequestBodyTooLarge {
      read += n;
      if (read > limit) {
        throw new RequestBodyTooLarge(limit);
      }
    }

    @Override
    public boolean isFinished() {
      return in.isFinished();
    }

    @Override
    public boolean isReady() {
      return in.isReady();
    }

    @Override
    public void setReadListener(ReadListener listener) {
      in.setReadListener(listener);
    }
  }
}
