/**
 * The applicant portal: Madoguchi's own web pages for applicants (sign-up with e-mail verification,
 * sign-in, their requests and case pages, a new request through the rendered form of
 * {@code forms/support-request.form}). Server-rendered with Thymeleaf; uses the cases read and write
 * services the applicant API uses.
 */
package org.madoguchi.portal;
