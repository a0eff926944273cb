/**
 * The audit trail's vocabulary: the typed case events, who caused them, and an event as recorded.
 * Every feature records with these types, so the whole package is part of {@code cases}' api.
 */
@NamedInterface("api")
package org.madoguchi.cases.audit;

import org.springframework.modulith.NamedInterface;
