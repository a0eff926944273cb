package org.madoguchi.notify;

/** A template filled in: the subject line and the plain-text body. */
record RenderedMail(String subject, String body) {}
