package org.madoguchi.common.web;

import java.io.IOException;

/** A request body that went on past its limit while it was read (no or a false Content-Length). */
class RequestBodyTooLarge extends IOException {

  RequestBodyTooLarge(long limit) {
    super("request body larger than " + limit + " bytes");
  }
}
