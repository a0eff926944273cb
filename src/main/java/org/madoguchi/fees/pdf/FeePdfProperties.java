package org.madoguchi.fees.pdf;

import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code madoguchi.fees.pdf.font}: the TrueType file embedded in every fee PDF. IPAex Gothic has TrueType
 * outlines, which the PDF renderer needs (a CFF font such as Noto Sans CJK is not usable); Debian's
 * {@code fonts-ipaexfont} installs it at the default path (bin/setup, the Dockerfile).
 */
@Validated
@ConfigurationProperties("madoguchi.fees.pdf")
public record FeePdfProperties(
    @NotBlank @DefaultValue("/usr/share/fonts/opentype/ipaexfont-gothic/ipaexg.ttf") String font) {}
