package org.madoguchi.accounts;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI document's security: every operation takes a personal API token as a bearer token. */
@Configuration
class ApiDocumentation {

  static final String TOKEN_SCHEME = "apiToken";

  @Bean
  OpenAPI apiDocument() {
    return new OpenAPI()
        .components(
            new Components()
                .addSecuritySchemes(
                    TOKEN_SCHEME,
                    new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP)
                        .scheme("bearer")
                        .bearerFormat(ApiTokens.PREFIX + "...")
                        .description("A personal API token, created by the account's owner at /account/tokens (shown once).")))
        .addSecurityItem(new SecurityRequirement().addList(TOKEN_SCHEME));
  }
}
