package org.madoguchi.common.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * How much of a request body is read before it is refused ({@code madoguchi.request-limits}; the reasons
 * are in application.yml). Multipart uploads have their own limit (documents' {@code UploadLimits}).
 *
 * @param jsonBody the largest body that is not a form or an upload (JSON), also Jackson's document limit
 * @param formBody the largest form post (also Tomcat's {@code max-http-form-post-size})
 * @param jsonNestingDepth how deep JSON objects and arrays may nest
 * @param jsonStringLength the longest JSON string, in characters
 */
@ConfigurationProperties("madoguchi.request-limits")
public record RequestLimitsProperties(DataSize jsonBody, DataSize formBody, int jsonNestingDepth, int jsonStringLength) {}
