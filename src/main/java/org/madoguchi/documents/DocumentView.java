package org.madoguchi.documents;

import java.time.Instant;
import org.madoguchi.cases.audit.Actor;
import org.springframework.modulith.NamedInterface;

/**
 * A document as lists show it: {@code contentType} is the type detected from the content (what it is
 * served as), {@code sha256} the hex digest of the stored content.
 */
@NamedInterface("api")
public record DocumentView(
    long id,
    long caseId,
    AttachedTo attachedTo,
    String fileName,
    String contentType,
    long sizeBytes,
    String sha256,
    Actor attachedBy,
    Instant attachedAt) {}
