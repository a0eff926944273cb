package org.madoguchi.portal;

import org.madoguchi.common.web.NotFoundException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;

/** On the portal's pages, someone else's or an unknown case is a plain 404 page (never a hint it exists). */
@ControllerAdvice(assignableTypes = PortalPages.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class PortalErrors {

  @ExceptionHandler(NotFoundException.class)
  @ResponseStatus(HttpStatus.NOT_FOUND)
  String notFound() {
    return "portal/not-found";
  }
}
