package org.madoguchi.accounts;

import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The staff groups an ID token lists in its groups claim (configured, {@code madoguchi.oidc.groups-claim}):
 * the Madoguchi ones among them ({@link StaffGroup#parse}); other groups of the IdP are ignored. Empty
 * when the token has no such claim: then the account's groups stay as they are.
 */
public final class OidcStaffGroups {

  private OidcStaffGroups() {}

  public static Optional<Set<StaffGroup>> fromClaims(Map<String, Object> claims, String groupsClaim) {
    Object value = claims.get(groupsClaim);
    Collection<?> names =
        switch (value) {
          case null -> null;
          case Collection<?> list -> list;
          // Some IdPs send a single group, or a space-separated list, as a string.
          case String text -> Arrays.asList(text.strip().split("[\\s,]+"));
          default -> null;
        };
    if (names == null) {
      return Optional.empty();
    }
    Set<StaffGroup> groups = new LinkedHashSet<>();
    for (Object name : names) {
      // Keycloak and others may send the group's path (/desk); the group is its last segment.
      String plain = name == null ? null : name.toString().substring(name.toString().lastIndexOf('/') + 1);
      StaffGroup.parse(plain).ifPresent(groups::add);
    }
    return Optional.of(Set.copyOf(groups));
  }
}
