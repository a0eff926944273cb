package org.madoguchi.admin;

import org.springframework.modulith.NamedInterface;

/**
 * One uploaded or deployed model resource by its file name: {@code research-support.bpmn},
 * {@code fee-schedule.dmn}, {@code consultation.form}, or a form's texts {@code support-request.ja.json}.
 */
@NamedInterface("api")
public record ModelFile(String name, byte[] content) {}
