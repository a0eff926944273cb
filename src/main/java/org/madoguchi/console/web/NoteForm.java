package org.madoguchi.console.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.madoguchi.common.web.StoredIn;
import org.madoguchi.console.CaseNotes;

/** A coordinator's note on the case page. */
record NoteForm(
    @NotBlank(message = "{console.note.required}") @Size(max = CaseNotes.MAX_LENGTH, message = "{console.note.too-long}")
        @StoredIn("case_events.parameters") String text) {}
