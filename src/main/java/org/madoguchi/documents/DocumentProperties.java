package org.madoguchi.documents;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Document limits an installation may change ({@code madoguchi.documents.*}).
 *
 * @param maxSize the largest document; also the multipart parser's limit ({@link UploadLimits})
 * @param maxPerCase how many documents one case may hold
 */
@ConfigurationProperties("madoguchi.documents")
record DocumentProperties(@DefaultValue("20MB") DataSize maxSize, @DefaultValue("30") int maxPerCase) {}
