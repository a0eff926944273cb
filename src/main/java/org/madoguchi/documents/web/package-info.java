/** The applicant's document endpoints: attach from the portal's pages and scripts or the API, download. */
package org.madoguchi.documents.web;
