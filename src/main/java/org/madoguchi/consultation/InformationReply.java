package org.madoguchi.consultation;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.madoguchi.common.web.StoredIn;
import org.springframework.modulith.NamedInterface;

/** The applicant's answer to the desk's open question (the field of forms/info-reply.form). */
@NamedInterface("api")
public record InformationReply(@NotBlank @Size(min = 5, max = 8000) @StoredIn("information_requests.reply") String reply) {}
